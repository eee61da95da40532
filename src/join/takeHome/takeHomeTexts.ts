import type { Language } from '../i18n.ts';

// The take-home's own words, in the phone's three languages: they load with the take-home, not with the
// first poll (src/join/i18n.ts holds the words every visit needs).

const nl = {
  title: 'Om mee te nemen',
  intro: 'Dit zijn jouw antwoorden. Ze staan alleen op deze telefoon, niet op de server van de trainer.',
  shareLabel: 'De training lees je later terug op',
  noShare: 'Vraag de trainer naar het adres van de training, als je haar later wilt teruglezen.',
  actionPlan: 'Jouw actieplan',
  allAnswers: 'Al je antwoorden',
  round: 'ronde {n}',
  save: 'Bewaar als bestand',
  forget: 'Wis mijn antwoorden van deze telefoon',
  forgotten: 'Je antwoorden zijn van deze telefoon gewist.',
  fileTitle: 'Mijn antwoorden bij de training',
};

type Texts = typeof nl;

const en: Texts = {
  title: 'To take home',
  intro: 'These are your answers. They are only on this phone, not on the trainer’s server.',
  shareLabel: 'Read the training again later at',
  noShare: 'Ask the trainer for the address of the training if you want to read it again later.',
  actionPlan: 'Your action plan',
  allAnswers: 'All your answers',
  round: 'round {n}',
  save: 'Save as a file',
  forget: 'Delete my answers from this phone',
  forgotten: 'Your answers have been deleted from this phone.',
  fileTitle: 'My answers in the training',
};

const ar: Texts = {
  title: 'لتأخذه معك',
  intro: 'هذه إجاباتك. هي محفوظة على هذا الهاتف فقط، وليست على خادم المدرب.',
  shareLabel: 'يمكنك قراءة التدريب لاحقًا على',
  noShare: 'اسأل المدرب عن عنوان التدريب إذا أردت قراءته لاحقًا.',
  actionPlan: 'خطة عملك',
  allAnswers: 'كل إجاباتك',
  round: 'الجولة {n}',
  save: 'احفظ كملف',
  forget: 'احذف إجاباتي من هذا الهاتف',
  forgotten: 'تم حذف إجاباتك من هذا الهاتف.',
  fileTitle: 'إجاباتي في التدريب',
};

const TEXTS: Record<Language, Texts> = { nl, en, ar };

export type TakeHomeKey = keyof Texts;

export const takeHomeText = (language: Language, key: TakeHomeKey, n?: number): string =>
  TEXTS[language][key].replace('{n}', String(n ?? ''));
