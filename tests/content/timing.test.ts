import { describe, expect, test } from 'vitest';
import { parseSlideFile } from '../../src/content/parseSlideFile.ts';
import { timingNotes } from '../../src/content/timing.ts';

// A block's `::: timing`: the full version step by step, and a short version a plan can pick.

const FILE = 'slides/blocks/01-maatwerk.md';

/** A block of 20 minutes with two polls and an exercise of 10 minutes; `timing` is its timing part. */
function block(timing: string, minutes = 20): string {
  return `---
type: block
number: 1
title: Maatwerk in de trajecten
theme: vaardigheden
minutes: ${minutes}
---

Een samenvatting.

::: poll
id: maatwerk-nu
type: wordcloud
question: Wat?
:::

::: poll
id: maatwerk-woord
type: wordcloud
question: Welk woord?
:::

::: exercise
case: 1
task: Bespreek het.
questions: [Wat had Nahom nodig?]
minutes: 10
card: "**Nahom** wil elektromonteur worden."
:::

${timing}`;
}

const GOOD = `::: timing
full:
  - 5 minuten samenvatting en polls
  - 5 minuten gesprek
  - 10 minuten oefening
short:
  - 3 minuten samenvatting en eerste poll
  - 8 minuten oefening
  - 1 minuut afronden
skip: [maatwerk-woord, bespreken]
exercise: 8
:::
`;

const errorsOf = (source: string) => parseSlideFile(FILE, source).errors.map((e) => e.message);

describe('a block with a timing part', () => {
  test('has its full and its short version as data, and its card', () => {
    const { slide, errors } = parseSlideFile(FILE, block(GOOD));
    expect(errors).toEqual([]);
    if (slide?.kind !== 'block') throw new Error('not a block');
    expect(slide.block.exercise?.card).toBe('**Nahom** wil elektromonteur worden.');
    expect(slide.block.timing).toEqual({
      full: [
        { minutes: 5, text: 'samenvatting en polls' },
        { minutes: 5, text: 'gesprek' },
        { minutes: 10, text: 'oefening' },
      ],
      short: {
        minutes: 12,
        steps: [
          { minutes: 3, text: 'samenvatting en eerste poll' },
          { minutes: 8, text: 'oefening' },
          { minutes: 1, text: 'afronden' },
        ],
        skip: ['maatwerk-woord', 'bespreken'],
        exerciseMinutes: 8,
      },
    });
    expect(timingNotes(slide.block.timing ?? { full: [], short: null })).toBe(
      'Volledig (20 minuten): 5 min. samenvatting en polls; 5 min. gesprek; 10 min. oefening.\n\n' +
        'Kort (12 minuten): 3 min. samenvatting en eerste poll; 8 min. oefening; 1 min. afronden.',
    );
  });

  test('whose full steps do not add up to the block fails at the timing part', () => {
    expect(errorsOf(block(GOOD, 25))).toEqual([
      `${FILE}:31: de stappen van "full" zijn samen 20 minuten, maar de bouwsteen heeft "minutes: 25"`,
    ]);
  });

  test('whose short version is not shorter, skips a poll it does not have, or has no time for the exercise', () => {
    const wrong = GOOD.replace('1 minuut afronden', '9 minuten afronden')
      .replace('maatwerk-woord', 'maatwerk-quiz')
      .replace('exercise: 8', 'exercise: 30');
    expect(errorsOf(block(wrong))).toEqual([
      `${FILE}:31: de korte versie (20 minuten) moet korter zijn dan de volledige (20)`,
      `${FILE}:31: "skip": "maatwerk-quiz" is geen poll van deze bouwsteen; kies uit maatwerk-nu, maatwerk-woord, bespreken`,
      `${FILE}:31: de oefening in de korte versie (30 minuten) past niet in 20 minuten`,
    ]);
  });

  test('with a step that does not start with its minutes', () => {
    expect(errorsOf(block(GOOD.replace('- 5 minuten gesprek', '- gesprek')))).toEqual([
      `${FILE}:34: "full.1" een stap begint met de minuten, bijvoorbeeld "5 minuten samenvatting"`,
    ]);
  });
});
