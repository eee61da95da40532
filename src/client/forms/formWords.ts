// The answer form's own words in Dutch, for the phone (src/join/i18n.ts takes them into its dictionary,
// and its other languages translate them) and the self-study deck. Poll content stays as the deck has it.

export const FORM_WORDS_NL = {
  chooseOne: 'Kies één antwoord.',
  chooseMax: 'Kies er hoogstens {n}.',
  tooMany: 'Je hebt er al {n} gekozen. Haal eerst een vinkje weg.',
  chooseScale: 'Kies een getal van {min} tot {max}.',
  rankHint: 'Zet alles in volgorde. Het belangrijkste bovenaan.',
  moveUp: 'Hoger: {item}',
  moveDown: 'Lager: {item}',
  movedTo: '{item} staat nu op plek {n}.',
  wordHint: 'Een paar woorden.',
  charsLeft: 'Nog {n} tekens',
  moderated: 'Je antwoord komt op het scherm als de trainer het goedkeurt.',
  send: 'Verstuur',
  sending: 'Versturen…',
  pickFirst: 'Kies eerst een antwoord.',
  typeFirst: 'Typ eerst een antwoord.',
  'error-bad-text': 'Je antwoord heeft onzichtbare of vreemde tekens. Typ het opnieuw, zonder kopiëren en plakken.',
  groupHint: 'Stuur één antwoord per groep. Het komt op het scherm als de trainer het goedkeurt.',
  groupName: 'Naam van jullie groep',
  groupText: 'Jullie antwoorden',
  groupFirst: 'Vul de naam van jullie groep en jullie antwoorden in.',
};

export type FormMessageKey = keyof typeof FORM_WORDS_NL;
export type FormWords = Record<FormMessageKey, string>;

export type Translate = (key: FormMessageKey, values?: Record<string, string | number>) => string;

/** `template` with its `{name}` placeholders filled in from `values`. */
export const fillIn = (template: string, values: Record<string, string | number> = {}): string =>
  template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
