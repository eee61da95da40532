import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { build } from 'vite';
import { beforeAll, describe, expect, test } from 'vitest';
import { createDeckPlugin, deckUrlSetting } from '../../src/vite/deckPlugin.ts';
import { placeShareSpot, SHARE_MARKER, shareInfo } from '../../src/vite/render/share.ts';
import { markdown } from '../../src/vite/render/html.ts';
import { POLLS_FILE, type PollsFile } from '../../src/shared/deck.ts';
import { PROJECT_ROOT } from '../helpers/buildDeck.ts';

const SLIDES = join(PROJECT_ROOT, 'slides');

let lastOutDir = '';

/** Builds the real slides into a fresh folder, with `deckUrl` as DECK_URL ('' for none), and returns index.html. */
async function buildWith(deckUrl: string): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'deck-share-'));
  await build({
    configFile: false,
    root: PROJECT_ROOT,
    base: './',
    logLevel: 'silent',
    plugins: [createDeckPlugin({ slidesDir: SLIDES, plansDir: join(PROJECT_ROOT, 'plans'), deckUrl })],
    build: { outDir, emptyOutDir: true, rolldownOptions: { input: { deck: 'index.html' } } },
  });
  lastOutDir = outDir;
  return readFileSync(join(outDir, 'index.html'), 'utf8');
}

/** polls.json of the last build: what the phone reads, its take-home too. */
const pollsFile = (): PollsFile => JSON.parse(readFileSync(join(lastOutDir, POLLS_FILE), 'utf8')) as PollsFile;

/** The share slide's section in a built page. */
function shareSlide(html: string): string {
  return /<section [^>]*\bid="delen"[^>]*>.*?<\/section>/s.exec(html)?.[0] ?? '';
}

describe('DECK_URL', () => {
  test('is a web address or nothing', () => {
    expect(deckUrlSetting(undefined)).toBeNull();
    expect(deckUrlSetting('  ')).toBeNull();
    expect(deckUrlSetting('https://training.voorbeeld.nl')).toBe('https://training.voorbeeld.nl/');
    expect(() => deckUrlSetting('training.voorbeeld.nl')).toThrow(
      /DECK_URL=training\.voorbeeld\.nl is geen geldig webadres/,
    );
    expect(() => deckUrlSetting('file:///tmp/deck.html')).toThrow(/geen geldig webadres/);
  });
});

describe('the share slide', () => {
  test('[[qr-code]] on a line of its own becomes the share spot; anywhere else it stays text', () => {
    const alone = placeShareSpot(markdown(`Scan de code.\n\n${SHARE_MARKER}\n\nKlaar.`), null);
    expect(alone).toContain('<div class="share" data-share="">');
    expect(alone).not.toContain(SHARE_MARKER);
    const inline = placeShareSpot(markdown(`Hier komt ${SHARE_MARKER} te staan.`), null);
    expect(inline).not.toContain('data-share');
  });

  describe('built with DECK_URL', () => {
    let html: string;
    beforeAll(async () => {
      html = await buildWith('https://training.voorbeeld.nl/werkzame-factoren/');
    });

    test('has the QR code and the link in the page, and the address as og:url', async () => {
      const slide = shareSlide(html);
      expect(slide).toContain('class="section-slide share-slide"');
      expect(slide).toContain('data-share-url="https://training.voorbeeld.nl/werkzame-factoren/"');
      expect(slide).toContain(
        '<a href="https://training.voorbeeld.nl/werkzame-factoren/">training.voorbeeld.nl/werkzame-factoren</a>',
      );
      expect(slide).toMatch(/<svg class="qr-code" role="img" aria-label="QR-code met het adres van deze training"/);
      // The very QR code the qrcode package draws for the address.
      const expected = await QRCode.toString('https://training.voorbeeld.nl/werkzame-factoren/', {
        type: 'svg',
        margin: 1,
        errorCorrectionLevel: 'M',
      });
      const paths = (svg: string) => [...svg.matchAll(/<path [^>]*d="([^"]+)"/g)].map((m) => m[1]);
      expect(paths(slide)).toEqual(paths(expected));
      expect((await shareInfo('https://training.voorbeeld.nl/werkzame-factoren/')).svg).toContain('role="img"');

      const head = html.split('</head>')[0] ?? '';
      expect(head).toContain('<meta property="og:url" content="https://training.voorbeeld.nl/werkzame-factoren/" />');
    });

    test('gives the phone the address for its take-home, and which polls close the day', () => {
      const file = pollsFile();
      expect(file.share).toBe('https://training.voorbeeld.nl/werkzame-factoren/');
      expect(file.closing).toEqual(
        expect.arrayContaining(['reflectie-thema', 'reflectie-eerste-stap', 'evaluatie-nut']),
      );
      expect(file.closing).not.toContain('start-rol');
      const ids = new Set(file.polls.map((poll) => poll.id));
      expect(file.closing.every((id) => ids.has(id))).toBe(true);
    });
  });

  test('built without DECK_URL, leaves the spot for the deck to fill in and has no og:url', async () => {
    const html = await buildWith('');
    const slide = shareSlide(html);
    expect(slide).toContain('<div class="share" data-share=""><div class="share-qr"></div>');
    expect(slide).not.toContain('data-share-url');
    expect(slide).not.toContain('<svg');
    expect(html).not.toContain('og:url');
    expect(pollsFile().share).toBeNull();
  });
});
