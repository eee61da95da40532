// The join page's own words (never the poll content: questions and options stay as the deck has them).
// Dutch at B1 level is the default; English and Arabic for participants who read those better.

import { FORM_WORDS_NL, fillIn } from '../client/forms/formWords.ts';
import arFile from './languages/ar.json?url';
import enFile from './languages/en.json?url';

export const LANGUAGES = ['nl', 'en', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in that language, for the switcher. */
export const LANGUAGE_NAMES: Record<Language, string> = { nl: 'Nederlands', en: 'English', ar: 'العربية' };

const nl = {
  ...FORM_WORDS_NL,
  pageTitle: 'Meedoen met de vragen',
  languageMenu: 'Taal',
  codeTitle: 'Doe mee',
  codeLabel: 'Code van het scherm',
  codeHint: '6 letters en cijfers. Je ziet de code op het scherm van de trainer.',
  codeInvalid: 'Deze code klopt niet. Een code heeft 6 letters en cijfers, zoals K7Q4PM.',
  codeSubmit: 'Meedoen',
  unknownRoom: 'We vinden deze code niet. Kijk nog eens op het scherm.',
  roomCode: 'Code {code}',
  noServerTitle: 'Live vragen zijn er nu niet',
  noServer: 'Live vragen werken alleen via de server van de trainer. Vraag de trainer om de link of de QR-code.',
  connecting: 'Verbinden…',
  reconnecting: 'De verbinding is weg. We proberen het opnieuw…',
  reconnected: 'Je bent weer verbonden.',
  deckFailed: 'We kunnen de vragen niet laden. We proberen het opnieuw…',
  joined: 'Je doet mee',
  waitingTitle: 'Kijk naar het scherm',
  waitingText: 'De volgende vraag komt zo. Je hoeft nu niets te doen.',
  newQuestion: 'Nieuwe vraag: {question}',
  received: 'Je antwoord is ontvangen',
  yourAnswer: 'Jouw antwoord',
  change: 'Antwoord veranderen',
  closedTitle: 'Stemmen kan nu niet',
  closedText: 'De trainer heeft deze vraag gesloten.',
  results: 'Uitslag',
  voters: 'Aantal antwoorden: {n}',
  average: 'Gemiddeld: {n}',
  pointsHint: 'Punten per antwoord, de meeste bovenaan.',
  offline: 'Er is geen verbinding. Je antwoord is niet verstuurd.',
  'error-rate-limited': 'Even wachten: er gaat te veel tegelijk. Probeer het zo opnieuw.',
  'error-poll-closed': 'Stemmen is net gesloten.',
  'error-bad-vote': 'Dit antwoord kan niet. Kies opnieuw.',
  'error-unknown-poll': 'Deze vraag bestaat niet meer.',
  'error-not-current': 'Deze vraag staat niet meer op het scherm. Je antwoord is niet meegeteld.',
  'error-identity-limit': 'Er komen nu heel veel telefoons tegelijk binnen. Even geduld: we proberen het zo opnieuw.',
  'error-unavailable': 'De server kan je antwoord nu niet bewaren. Probeer het zo opnieuw.',
  timer: 'Tijd voor de opdracht',
  timerPaused: 'De tijd staat stil.',
  timeUp: 'De tijd is om.',
  'error-other': 'Er ging iets mis. Probeer het opnieuw.',
};

export type MessageKey = keyof typeof nl;
export type Dictionary = Record<MessageKey, string>;

// Dutch comes with the page; another language's words are a file of their own (languages/*.json), fetched
// only by a phone that chooses it, so most phones never download them (tests/browser/joinDownload.test.ts).
const DICTIONARY_FILES: Record<Exclude<Language, 'nl'>, string> = { en: enFile, ar: arFile };

export const DUTCH: Dictionary = nl;

/** The words of `language`; a text the file lacks (or a broken file) stays Dutch. */
export async function loadDictionary(language: Language): Promise<Dictionary> {
  if (language === 'nl') return DUTCH;
  const response = await fetch(DICTIONARY_FILES[language]);
  if (!response.ok) throw new Error(`${language}: ${response.status}`);
  const texts: unknown = await response.json();
  const found = typeof texts === 'object' && texts !== null ? (texts as Record<string, unknown>) : {};
  const entries = Object.keys(DUTCH).map((key) => [key, found[key]] as const);
  return { ...DUTCH, ...Object.fromEntries(entries.filter((entry) => typeof entry[1] === 'string')) };
}

/** The stored choice when there is one, else the first of the browser's languages we have, else Dutch. */
export function chooseLanguage(stored: string | null, browserLanguages: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return 'nl';
}

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

export function direction(language: Language): 'ltr' | 'rtl' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/** The text for `key` in `dictionary`, with `{name}` placeholders filled in. */
export function translate(
  dictionary: Dictionary,
  key: MessageKey,
  values: Record<string, string | number> = {},
): string {
  return fillIn(dictionary[key], values);
}
