import { describe, expect, test } from 'vitest';
import { opensInReadingView, READING_VIEW_MAX_WIDTH } from '../../src/deck/readingView.ts';
import { dutchClock } from '../../src/deck/speakerViewLabels.ts';
import { noAddressNote, shareAddress } from '../../src/deck/share/shareAddress.ts';
import { displayAddress, webAddress } from '../../src/shared/deckAddress.ts';

const at = (href: string) => {
  const url = new URL(href);
  return { protocol: url.protocol, hostname: url.hostname, origin: url.origin, pathname: url.pathname };
};

describe('the address on the share slide', () => {
  test('is the address the deck was opened at, without query, fragment or index.html', () => {
    expect(shareAddress(at('https://training.voorbeeld.nl/deck/index.html?plan=dagdeel#/delen'), false)).toEqual({
      kind: 'address',
      url: 'https://training.voorbeeld.nl/deck/',
    });
    expect(shareAddress(at('http://192.168.1.20:8000/'), false)).toEqual({
      kind: 'address',
      url: 'http://192.168.1.20:8000/',
    });
    expect(shareAddress(at('https://voorbeeld.nl/workshop-offline.html'), false)).toEqual({
      kind: 'address',
      url: 'https://voorbeeld.nl/workshop-offline.html',
    });
  });

  test('is none from disk, on this computer only, or for the presenter of a live session', () => {
    expect(shareAddress(at('file:///home/trainer/workshop-offline.html'), false)).toEqual({
      kind: 'none',
      reason: 'file',
    });
    for (const local of [
      'http://localhost:8080/',
      'http://127.0.0.1:4173/',
      'http://[::1]:8080/',
      'http://deck.localhost/',
    ]) {
      expect(shareAddress(at(local), false), local).toEqual({ kind: 'none', reason: 'local' });
    }
    expect(shareAddress(at('https://workshop.voorbeeld.nl/'), true)).toEqual({ kind: 'none', reason: 'live' });
  });

  test('reads well on the slide, and a note in plain Dutch says how to get one', () => {
    expect(displayAddress('https://training.voorbeeld.nl/deck/')).toBe('training.voorbeeld.nl/deck');
    expect(displayAddress('http://voorbeeld.nl/')).toBe('voorbeeld.nl');
    for (const reason of ['file', 'local', 'live'] as const) {
      const note = noAddressNote(reason);
      expect(note.why.length).toBeGreaterThan(20);
      expect(note.command).toContain('DECK_URL=https://');
      // B1: short sentences.
      for (const sentence of `${note.why} ${note.how}`.split(/[.:]\s/)) {
        expect(sentence.split(/\s+/).length, sentence).toBeLessThanOrEqual(16);
      }
    }
  });

  test('webAddress takes http and https only, and drops query and fragment', () => {
    expect(webAddress(' https://training.voorbeeld.nl ')).toBe('https://training.voorbeeld.nl/');
    expect(webAddress('https://voorbeeld.nl/deck/?a=1#/x')).toBe('https://voorbeeld.nl/deck/');
    expect(webAddress('ftp://voorbeeld.nl/')).toBeNull();
    expect(webAddress('voorbeeld.nl')).toBeNull();
    expect(webAddress('')).toBeNull();
    expect(webAddress(undefined)).toBeNull();
  });
});

describe('the reading view', () => {
  const plain = { search: '' };
  test('opens at phone width, never in the speaker view or the print view', () => {
    expect(opensInReadingView(390, plain)).toBe(true);
    expect(opensInReadingView(READING_VIEW_MAX_WIDTH, plain)).toBe(true);
    expect(opensInReadingView(READING_VIEW_MAX_WIDTH + 1, plain)).toBe(false);
    expect(opensInReadingView(1280, plain)).toBe(false);
    expect(opensInReadingView(0, plain)).toBe(false);
    expect(opensInReadingView(390, { search: '?receiver&progress=false' })).toBe(false);
    expect(opensInReadingView(390, { search: '?print-pdf' })).toBe(false);
    expect(opensInReadingView(390, { search: '?plan=dagdeel' })).toBe(true);
  });
});

describe('the speaker view clock', () => {
  test('reads as a 24-hour clock', () => {
    expect(dutchClock('09:41 PM')).toBe('21:41');
    expect(dutchClock('12:05 AM')).toBe('00:05');
    expect(dutchClock('12:30 PM')).toBe('12:30');
    expect(dutchClock('0:00 AM')).toBe('00:00');
    expect(dutchClock('21:41')).toBe('21:41');
  });
});
