import { describe, expect, test } from 'vitest';
import { deckRole, READING_VIEW_MAX_WIDTH } from '../../src/deck/deckRole.ts';
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

describe('the role of a deck window', () => {
  const role = (search: string, width = 1280, live = true) => deckRole({ search }, width, live);
  test('a poll server makes the presenter’s deck a console; without one the deck stays a deck', () => {
    expect(role('')).toBe('console');
    expect(role('', 1280, false)).toBe('deck');
    expect(role('?console', 1280, false)).toBe('console');
    expect(role('?plan=dagdeel')).toBe('console');
  });
  test('the audience view, the remote and the print view are asked for by name', () => {
    expect(role('?audience&plan=dagdeel')).toBe('audience');
    expect(role('?remote', 390)).toBe('remote');
    expect(role('?print-pdf&audience')).toBe('deck');
  });
  test('a phone reads the deck as a page, unless it asks for the remote', () => {
    expect(role('', 390)).toBe('reading');
    expect(role('', READING_VIEW_MAX_WIDTH)).toBe('reading');
    expect(role('', READING_VIEW_MAX_WIDTH + 1)).toBe('console');
    expect(role('', 0, false)).toBe('deck');
    expect(role('?print-pdf', 390)).toBe('deck');
  });
});
