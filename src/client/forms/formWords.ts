// The answer form's own words, in every language of the phone (src/join/i18n.ts takes them into its
// dictionaries). The self-study deck uses the Dutch ones. Poll content stays as the deck has it.

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

export const FORM_WORDS_EN: FormWords = {
  chooseOne: 'Choose one answer.',
  chooseMax: 'Choose up to {n}.',
  tooMany: 'You already chose {n}. Remove a tick first.',
  chooseScale: 'Choose a number from {min} to {max}.',
  rankHint: 'Put everything in order. The most important at the top.',
  moveUp: 'Move up: {item}',
  moveDown: 'Move down: {item}',
  movedTo: '{item} is now in place {n}.',
  wordHint: 'A few words.',
  charsLeft: '{n} characters left',
  moderated: 'Your answer appears on the screen after the trainer approves it.',
  send: 'Send',
  sending: 'Sending…',
  pickFirst: 'Choose an answer first.',
  typeFirst: 'Type an answer first.',
  'error-bad-text': 'Your answer has invisible or unusual characters. Please type it again, without copy and paste.',
  groupHint: 'Send one answer per group. It appears on the screen when the trainer approves it.',
  groupName: 'Your group’s name',
  groupText: 'Your group’s answers',
  groupFirst: 'Fill in your group’s name and your answers.',
};

export const FORM_WORDS_AR: FormWords = {
  chooseOne: 'اختر إجابة واحدة.',
  chooseMax: 'اختر {n} على الأكثر.',
  tooMany: 'لقد اخترت {n}. أزل علامة أولًا.',
  chooseScale: 'اختر رقمًا من {min} إلى {max}.',
  rankHint: 'رتّب كل شيء. الأهم في الأعلى.',
  moveUp: 'إلى الأعلى: {item}',
  moveDown: 'إلى الأسفل: {item}',
  movedTo: '{item} الآن في المكان {n}.',
  wordHint: 'بضع كلمات.',
  charsLeft: 'باقي {n} حرفًا',
  moderated: 'تظهر إجابتك على الشاشة بعد أن يوافق عليها المدرب.',
  send: 'أرسل',
  sending: 'جارٍ الإرسال…',
  pickFirst: 'اختر إجابة أولًا.',
  typeFirst: 'اكتب إجابة أولًا.',
  'error-bad-text': 'في إجابتك رموز غير مرئية أو غريبة. اكتبها مرة أخرى بدون نسخ ولصق.',
  groupHint: 'أرسلوا إجابة واحدة لكل مجموعة. تظهر على الشاشة بعد موافقة المدرّب.',
  groupName: 'اسم مجموعتكم',
  groupText: 'إجابات مجموعتكم',
  groupFirst: 'اكتبوا اسم مجموعتكم وإجاباتكم.',
};

export type Translate = (key: FormMessageKey, values?: Record<string, string | number>) => string;

/** `template` with its `{name}` placeholders filled in from `values`. */
export const fillIn = (template: string, values: Record<string, string | number> = {}): string =>
  template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
