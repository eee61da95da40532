import { describe, expect, test } from 'vitest';
import { parseSlideFile } from '../../src/content/parseSlideFile.ts';

const FILE = 'slides/blocks/01-maatwerk.md';

/** A valid block file; `parts` replaces its parts (line 10 onwards). */
function blockFile(parts: string, frontMatter = 'title: Maatwerk in de trajecten\n'): string {
  return `---
type: block
number: 1
${frontMatter}theme: vaardigheden
---

Een samenvatting.

${parts}`;
}

function errorsOf(source: string): string[] {
  return parseSlideFile(FILE, source).errors.map((e) => e.message);
}

describe('a good block file', () => {
  const source = blockFile(`::: quote Deelnemer VIP
“Ik was eerst bang om Nederlands te praten.
Zeg ik het goede werkwoord?”
:::

::: prompts
- Eerste vraag?
- Tweede vraag
  over twee regels?
:::

::: poll
id: taal-bang
type: scale
question: Hoe spannend is Nederlands praten?
min: 1
max: 5
labels: [Niet spannend, Heel spannend]
hidden: true
:::

::: poll
id: taal-keuze
type: multiple
question: Wat helpt?
options: [Oefenen, Een tolk, Een coach]
max: 2
:::

::: exercise
case: 1
task: Bespreek het in tweetallen.
questions:
  - Wat had Nahom nodig?
minutes: 10
:::

::: notes
Doel: *oefenen*.
:::
`);
  const { slide, errors } = parseSlideFile(FILE, source);

  test('has no errors', () => expect(errors).toEqual([]));

  test('becomes a block with every part', () => {
    expect(slide?.kind).toBe('block');
    if (slide?.kind !== 'block') return;
    const { block } = slide;
    expect(block).toMatchObject({
      number: 1,
      title: 'Maatwerk in de trajecten',
      slug: 'maatwerk-in-de-trajecten',
      theme: 'vaardigheden',
      summary: 'Een samenvatting.',
      minutes: null,
      notes: 'Doel: *oefenen*.',
      file: FILE,
    });
    expect(block.quotes).toEqual([
      { text: 'Ik was eerst bang om Nederlands te praten. Zeg ik het goede werkwoord?', speaker: 'Deelnemer VIP' },
    ]);
    expect(block.prompts).toEqual(['Eerste vraag?', 'Tweede vraag over twee regels?']);
    expect(block.exercise).toEqual({
      case: 1,
      task: 'Bespreek het in tweetallen.',
      questions: ['Wat had Nahom nodig?'],
      minutes: 10,
      card: null,
    });
    expect(block.timing).toBeNull();
  });

  test('gives a scale poll its points and keeps "hidden"', () => {
    if (slide?.kind !== 'block') throw new Error('not a block');
    expect(slide.block.polls[0]).toEqual({
      id: 'taal-bang',
      type: 'scale',
      question: 'Hoe spannend is Nederlands praten?',
      min: 1,
      max: 5,
      labels: ['Niet spannend', 'Heel spannend'],
      options: ['1', '2', '3', '4', '5'],
      hidden: true,
    });
    expect(slide.block.polls[1]).toMatchObject({ type: 'multiple', max: 2, hidden: false });
    expect(slide.pollLines).toEqual([21, 31]);
  });
});

describe('a word cloud', () => {
  const cloud = (extra: string) => {
    const { slide, errors } = parseSlideFile(
      FILE,
      blockFile(`::: poll\nid: een-woord\ntype: wordcloud\nquestion: Eén woord?\n${extra}:::\n`),
    );
    if (slide?.kind !== 'block') throw new Error(`not a block: ${errors.map((e) => e.message).join()}`);
    return slide.block.polls[0];
  };

  test('may wait for approval, like an open question', () => {
    expect(cloud('moderation: approve\n')).toMatchObject({ type: 'wordcloud', moderation: 'approve' });
    expect(cloud('')).not.toHaveProperty('moderation');
    expect(
      errorsOf(blockFile('::: poll\nid: x-y\ntype: wordcloud\nquestion: Wat?\nmoderation: later\n:::\n')),
    ).toHaveLength(1);
  });
});

describe('a broken slide file fails with its file, line and a plain message', () => {
  test('an unknown poll type', () => {
    expect(errorsOf(blockFile('::: poll\nid: x-y\ntype: schaal\nquestion: Hoe?\n:::\n'))).toEqual([
      `${FILE}:12: een poll van type "schaal" bestaat niet; kies uit single, multiple, scale, wordcloud, open, ranking, group`,
    ]);
  });

  test('a quote without a speaker', () => {
    expect(errorsOf(blockFile('::: quote\nIk wil leren hoe solliciteren in Nederland gaat.\n:::\n'))).toEqual([
      `${FILE}:10: een citaat zonder spreker: zet de rol achter quote, bijvoorbeeld ::: quote Deelnemer`,
    ]);
  });

  test('a missing title', () => {
    expect(errorsOf(blockFile('', ''))).toEqual([`${FILE}:1: "title" ontbreekt`]);
  });

  test('a poll that misses a field points at the poll', () => {
    expect(errorsOf(blockFile('\n::: poll\nid: x-y\ntype: single\nquestion: Wat?\n:::\n'))).toEqual([
      `${FILE}:11: "options" ontbreekt`,
    ]);
  });

  test('a misspelt field', () => {
    expect(errorsOf(blockFile('::: poll\nid: x-y\ntype: wordcloud\nquestion: Wat?\nhiden: true\n:::\n'))).toEqual([
      `${FILE}:14: onbekend veld "hiden"`,
    ]);
  });

  test('a part that is never closed', () => {
    expect(errorsOf(blockFile('::: prompts\n- Een vraag?\n'))).toEqual([
      `${FILE}:10: "::: prompts" wordt niet afgesloten: zet een regel met alleen ::: onder dit deel`,
    ]);
  });

  test('an unknown part', () => {
    expect(errorsOf(blockFile('::: quiz\n- Een vraag?\n:::\n'))).toEqual([
      `${FILE}:10: onbekend deel "::: quiz"; hier kan: ::: quote, ::: prompts, ::: poll, ::: exercise, ::: timing, ::: notes`,
    ]);
  });

  test('prompts that are not a list', () => {
    expect(errorsOf(blockFile('::: prompts\nEen vraag zonder streepje?\n:::\n'))).toEqual([
      `${FILE}:10: zet in "::: prompts" elke vraag op een eigen regel die begint met "- "`,
    ]);
  });

  test('YAML that does not parse', () => {
    const [error] = errorsOf(blockFile('::: exercise\ncase: 1\ntask: [niet dicht\nminutes: 5\n:::\n'));
    expect(error).toMatch(new RegExp(`^${FILE}:1[1-3]: de YAML klopt niet: `));
  });

  test('a scale with its ends the wrong way round', () => {
    expect(
      errorsOf(
        blockFile('::: poll\nid: x-y\ntype: scale\nquestion: Hoe?\nmin: 5\nmax: 1\nlabels: [Laag, Hoog]\n:::\n'),
      ),
    ).toEqual([`${FILE}:15: "max" moet groter zijn dan "min", met hoogstens 10 stappen ertussen`]);
  });

  test('an unknown slide type', () => {
    expect(errorsOf('---\ntype: dia\ntitle: Hallo\n---\n')).toEqual([
      `${FILE}:2: een slide van type "dia" bestaat niet; kies uit title, section, overview, block, case`,
    ]);
  });

  test('no front matter at all', () => {
    expect(errorsOf('# Hallo\n')).toEqual([
      `${FILE}:1: de kop ontbreekt: begin het bestand met ---, dan type en title, en dan weer ---`,
    ]);
  });

  test('a block without a summary', () => {
    expect(errorsOf('---\ntype: block\nnumber: 1\ntitle: Maatwerk\ntheme: vaardigheden\n---\n')).toEqual([
      `${FILE}:7: de samenvatting ontbreekt: schrijf 2 tot 4 zinnen onder de kop, boven de eerste :::`,
    ]);
  });

  test('every mistake in a file is reported, not only the first', () => {
    const errors = errorsOf(
      blockFile('::: quote\nTekst.\n:::\n\n::: poll\nid: x-y\ntype: quiz\nquestion: Wat?\n:::\n', ''),
    );
    expect(errors.map((e) => e.split(': ')[0])).toEqual([`${FILE}:1`, `${FILE}:9`, `${FILE}:15`]);
  });
});

describe('a case file with a group exercise', () => {
  const caseFile = (frontMatter: string) => `---
type: case
number: 1
title: Eerst werkervaring opdoen
person: Nahom
blocks: [2, 3]
after: 3
${frontMatter}---

Nahom is een gefingeerde naam.

::: questions
- Wat heeft Nahom nodig?
:::

::: poll
id: nahom-groepen
type: group
question: Wat zijn jullie antwoorden?
:::
`;

  test('reads the countdown minutes and a group poll, whose answers stay hidden until shown', () => {
    const parsed = parseSlideFile('slides/cases/1-nahom.md', caseFile('exercise_minutes: 12\n'));
    expect(parsed.errors).toEqual([]);
    const story = parsed.slide?.kind === 'case' ? parsed.slide.case : null;
    expect(story?.exerciseMinutes).toBe(12);
    expect(story?.polls).toEqual([
      { id: 'nahom-groepen', type: 'group', question: 'Wat zijn jullie antwoorden?', options: [], hidden: true },
    ]);
  });

  test('gives the countdown ten minutes when the file names none', () => {
    const parsed = parseSlideFile('slides/cases/1-nahom.md', caseFile(''));
    expect(parsed.slide?.kind === 'case' ? parsed.slide.case.exerciseMinutes : null).toBe(10);
  });

  test('refuses a countdown of no minutes, with the line', () => {
    const errors = parseSlideFile('slides/cases/1-nahom.md', caseFile('exercise_minutes: 0\n')).errors;
    expect(errors.map((error) => error.line)).toEqual([8]);
  });
});

describe('a section with the join panel', () => {
  const sectionFile = (frontMatter: string) =>
    `---\ntype: section\ntitle: Zo werkt deze workshop\n${frontMatter}---\n\nScan de QR-code.\n`;
  const sectionOf = (source: string) => {
    const { slide, errors } = parseSlideFile('slides/opening/06-werkwijze.md', source);
    if (slide?.kind !== 'section') throw new Error(`not a section: ${errors.map((e) => e.message).join()}`);
    return slide.section;
  };

  test('shows it where the front matter says so, and nowhere else', () => {
    expect(sectionOf(sectionFile('join_panel: true\n')).joinPanel).toBe(true);
    expect(sectionOf(sectionFile('')).joinPanel).toBe(false);
  });

  test('refuses a flag that is not true or false, with the line', () => {
    const { errors } = parseSlideFile('slides/opening/06-werkwijze.md', sectionFile('join_panel: ja\n'));
    expect(errors.map((e) => e.message)).toEqual([
      'slides/opening/06-werkwijze.md:4: "join_panel" moet true of false zijn',
    ]);
  });

  test('is not a field of a block', () => {
    expect(errorsOf(blockFile('', 'title: Maatwerk\njoin_panel: true\n'))).toEqual([
      `${FILE}:5: onbekend veld "join_panel"`,
    ]);
  });
});
