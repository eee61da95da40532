// The join page's own words (never the poll content: questions and options stay as the deck has them).
// Dutch at B1 level is the default; English and Arabic for participants who read those better.

import { FORM_WORDS_AR, FORM_WORDS_EN, FORM_WORDS_NL, fillIn } from '../client/forms/formWords.ts';

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
type Dictionary = Record<MessageKey, string>;

const en: Dictionary = {
  ...FORM_WORDS_EN,
  pageTitle: 'Join the questions',
  languageMenu: 'Language',
  codeTitle: 'Join',
  codeLabel: 'Code from the screen',
  codeHint: '6 letters and digits. You see the code on the trainer’s screen.',
  codeInvalid: 'This code is not right. A code has 6 letters and digits, like K7Q4PM.',
  codeSubmit: 'Join',
  unknownRoom: 'We cannot find this code. Please look at the screen again.',
  roomCode: 'Code {code}',
  noServerTitle: 'No live questions right now',
  noServer: 'Live questions only work through the trainer’s server. Ask the trainer for the link or the QR code.',
  connecting: 'Connecting…',
  reconnecting: 'The connection is lost. We are trying again…',
  reconnected: 'You are connected again.',
  deckFailed: 'We cannot load the questions. We are trying again…',
  joined: 'You are in',
  waitingTitle: 'Look at the screen',
  waitingText: 'The next question is coming soon. You don’t need to do anything now.',
  newQuestion: 'New question: {question}',
  received: 'Your answer has been received',
  yourAnswer: 'Your answer',
  change: 'Change your answer',
  closedTitle: 'Voting is not open now',
  closedText: 'The trainer has closed this question.',
  results: 'Results',
  voters: 'Number of answers: {n}',
  average: 'Average: {n}',
  pointsHint: 'Points per answer, the most at the top.',
  offline: 'There is no connection. Your answer was not sent.',
  'error-rate-limited': 'Please wait: too much at once. Try again in a moment.',
  'error-poll-closed': 'Voting has just closed.',
  'error-bad-vote': 'This answer is not possible. Please choose again.',
  'error-unknown-poll': 'This question no longer exists.',
  'error-not-current': 'This question is no longer on the screen. Your answer was not counted.',
  'error-identity-limit': 'Very many phones are joining at once. Please wait: we will try again soon.',
  'error-unavailable': 'The server cannot save your answer right now. Please try again in a moment.',
  timer: 'Time for the exercise',
  timerPaused: 'The time is paused.',
  timeUp: 'Time is up.',
  'error-other': 'Something went wrong. Please try again.',
};

const ar: Dictionary = {
  ...FORM_WORDS_AR,
  pageTitle: 'شارك في الأسئلة',
  languageMenu: 'اللغة',
  codeTitle: 'شارك',
  codeLabel: 'الرمز من الشاشة',
  codeHint: '6 حروف وأرقام. تجد الرمز على شاشة المدرب.',
  codeInvalid: 'هذا الرمز غير صحيح. الرمز فيه 6 حروف وأرقام، مثل K7Q4PM.',
  codeSubmit: 'شارك',
  unknownRoom: 'لم نجد هذا الرمز. انظر إلى الشاشة مرة أخرى.',
  roomCode: 'الرمز {code}',
  noServerTitle: 'لا توجد أسئلة مباشرة الآن',
  noServer: 'الأسئلة المباشرة تعمل فقط عن طريق خادم المدرب. اطلب من المدرب الرابط أو رمز QR.',
  connecting: 'جارٍ الاتصال…',
  reconnecting: 'انقطع الاتصال. نحاول مرة أخرى…',
  reconnected: 'أنت متصل مرة أخرى.',
  deckFailed: 'لا نستطيع تحميل الأسئلة. نحاول مرة أخرى…',
  joined: 'أنت مشارك الآن',
  waitingTitle: 'انظر إلى الشاشة',
  waitingText: 'السؤال التالي سيأتي قريبًا. لا تحتاج أن تفعل شيئًا الآن.',
  newQuestion: 'سؤال جديد: {question}',
  received: 'وصلت إجابتك',
  yourAnswer: 'إجابتك',
  change: 'غيّر إجابتك',
  closedTitle: 'التصويت غير متاح الآن',
  closedText: 'أغلق المدرب هذا السؤال.',
  results: 'النتيجة',
  voters: 'عدد الإجابات: {n}',
  average: 'المتوسط: {n}',
  pointsHint: 'النقاط لكل إجابة، الأكثر في الأعلى.',
  offline: 'لا يوجد اتصال. لم تُرسل إجابتك.',
  'error-rate-limited': 'انتظر قليلًا: هناك الكثير في وقت واحد. حاول بعد قليل.',
  'error-poll-closed': 'أُغلق التصويت الآن.',
  'error-bad-vote': 'هذه الإجابة غير ممكنة. اختر مرة أخرى.',
  'error-unknown-poll': 'هذا السؤال لم يعد موجودًا.',
  'error-not-current': 'هذا السؤال لم يعد على الشاشة. لم تُحسب إجابتك.',
  'error-identity-limit': 'تنضم الآن هواتف كثيرة جدًا في وقت واحد. انتظر قليلًا: سنحاول مرة أخرى بعد قليل.',
  'error-unavailable': 'لا يستطيع الخادم حفظ إجابتك الآن. حاول مرة أخرى بعد قليل.',
  timer: 'وقت التمرين',
  timerPaused: 'الوقت متوقف.',
  timeUp: 'انتهى الوقت.',
  'error-other': 'حدث خطأ. حاول مرة أخرى.',
};

export const DICTIONARIES: Record<Language, Dictionary> = { nl, en, ar };

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

/** The text for `key` in `language`, with `{name}` placeholders filled in. */
export function translate(language: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  return fillIn(DICTIONARIES[language][key], values);
}
