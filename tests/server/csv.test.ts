import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/server/csv.ts';
import { CSV_HEADER, exportRows, type RoomExport } from '../../src/server/resultsExport.ts';
import { POLLS } from './helpers/testDeck.ts';

describe('CSV cells', () => {
  it('leaves plain text as it is and writes numbers with a decimal comma', () => {
    expect(csvCell('Rood')).toBe('Rood');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(2.5)).toBe('2,5');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
  });

  it('quotes cells with a semicolon, a quote or a line break, doubling the quotes', () => {
    expect(csvCell('rood; groen')).toBe('"rood; groen"');
    expect(csvCell('rood, groen')).toBe('rood, groen');
    expect(csvCell('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvCell('twee\nregels')).toBe('"twee\nregels"');
    expect(csvCell('cr\rlf')).toBe('"cr\rlf"');
  });

  it.each(['=1+1', '+31 6', '-2', '@SUM(A1)', '\tTAB', '=HYPERLINK("http://x","klik")'])(
    'keeps a spreadsheet from running text as a formula: %j',
    (text) => {
      const cell = csvCell(text);
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
      expect(unquoted).toBe(`'${text}`);
    },
  );

  it('writes a BOM, semicolons and CRLF line ends', () => {
    expect(
      toCsv([
        ['a', 'b'],
        [1.5, 'c;d'],
      ]),
    ).toBe('\uFEFFa;b\r\n1,5;"c;d"\r\n');
  });
});

describe('export rows', () => {
  const data: RoomExport = {
    room: 'ABCDEF',
    exportedAt: '2026-01-01T00:00:00.000Z',
    polls: [
      {
        poll: POLLS.scale.id,
        type: 'scale',
        question: POLLS.scale.question,
        options: [...POLLS.scale.options],
        rounds: [{ round: 1, voters: 2, results: { kind: 'scale', counts: [1, 0, 0, 0, 1], average: 3 } }],
      },
      {
        poll: POLLS.open.id,
        type: 'open',
        question: POLLS.open.question,
        options: [],
        rounds: [
          {
            round: 1,
            voters: 1,
            results: { kind: 'answers', answers: [{ id: 4, text: 'Ja, "graag"', approved: true }] },
          },
          { round: 2, voters: 0, results: { kind: 'answers', answers: [] } },
        ],
      },
      {
        poll: POLLS.group.id,
        type: 'group',
        question: POLLS.group.question,
        options: [],
        rounds: [
          {
            round: 1,
            voters: 1,
            results: { kind: 'answers', answers: [{ id: 9, group: 'Tafel 2', text: 'Eerst taal', approved: false }] },
          },
        ],
      },
    ],
  };

  it('has one row per poll, round and answer, with the scale labels, the average and group names', () => {
    const rows = exportRows(data, [POLLS.scale, POLLS.open, POLLS.group]);
    expect(rows[0]).toEqual(CSV_HEADER);
    expect(rows.slice(1)).toEqual([
      ['schaal', 'scale', 'Hoeveel?', 1, 2, '1 (Weinig)', 1, null, 3, null],
      ['schaal', 'scale', 'Hoeveel?', 1, 2, '2', 0, null, 3, null],
      ['schaal', 'scale', 'Hoeveel?', 1, 2, '3', 0, null, 3, null],
      ['schaal', 'scale', 'Hoeveel?', 1, 2, '4', 0, null, 3, null],
      ['schaal', 'scale', 'Hoeveel?', 1, 2, '5 (Veel)', 1, null, 3, null],
      ['open-vraag', 'open', 'Wat denk je?', 1, 1, 'Ja, "graag"', 1, null, null, 'ja'],
      ['open-vraag', 'open', 'Wat denk je?', 2, 0, '', 0, null, null, null],
      ['groepen', 'group', 'Wat zegt je groep?', 1, 1, 'Tafel 2: Eerst taal', 1, null, null, 'nee'],
    ]);
  });
});
