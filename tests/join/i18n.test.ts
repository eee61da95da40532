import { describe, expect, test } from 'vitest';
import { chooseLanguage, direction, DUTCH, translate, type Dictionary, type MessageKey } from '../../src/join/i18n.ts';
import ar from '../../src/join/languages/ar.json';
import en from '../../src/join/languages/en.json';

/** The dictionaries as the page fetches them. */
const DICTIONARIES: Record<string, Partial<Dictionary>> = { nl: DUTCH, en, ar };

describe('the language of the join page', () => {
  test('Dutch unless the browser prefers one we have', () => {
    expect(chooseLanguage(null, [])).toBe('nl');
    expect(chooseLanguage(null, ['de-DE', 'fr'])).toBe('nl');
    expect(chooseLanguage(null, ['en-GB', 'nl'])).toBe('en');
    expect(chooseLanguage(null, ['ar-SY', 'en'])).toBe('ar');
    expect(chooseLanguage(null, ['de', 'AR'])).toBe('ar');
  });

  test('an earlier choice on this phone wins over the browser', () => {
    expect(chooseLanguage('ar', ['en-US'])).toBe('ar');
    expect(chooseLanguage('nl', ['ar'])).toBe('nl');
  });

  test('a stored value that is not one of ours is ignored', () => {
    expect(chooseLanguage('fr', ['en'])).toBe('en');
    expect(chooseLanguage('', [])).toBe('nl');
  });

  test('Arabic reads right to left', () => {
    expect(direction('ar')).toBe('rtl');
    expect(direction('nl')).toBe('ltr');
    expect(direction('en')).toBe('ltr');
  });

  test('placeholders are filled in, unknown ones left visible', () => {
    expect(translate(DUTCH, 'chooseMax', { n: 2 })).toBe('Kies er hoogstens 2.');
    expect(translate({ ...DUTCH, ...en }, 'chooseScale', { min: 1, max: 5 })).toBe('Choose a number from 1 to 5.');
    expect(translate(DUTCH, 'chooseMax')).toBe('Kies er hoogstens {n}.');
  });

  test('every language has every text, with the same placeholders', () => {
    for (const [language, dictionary] of Object.entries(DICTIONARIES)) {
      expect(Object.keys(dictionary).sort(), language).toEqual(Object.keys(DUTCH).sort());
      for (const [key, dutch] of Object.entries(DUTCH)) {
        const text = dictionary[key as MessageKey] ?? '';
        expect(text, `${language}.${key}`).toMatch(/\S/);
        expect(placeholders(text), `${language}.${key}`).toEqual(placeholders(dutch));
      }
    }
  });
});

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}
