import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/server/csv.ts';
import { CSV_HEADER, exportRows, type RoomExport } from '../../src/server/resultsExport.ts';
import type { RunningServer } from '../../src/server/startServer.ts';
import { createRoom, joinRoom, type PresenterRoom } from './helpers/rooms.ts';
import { startTestServer } from './helpers/tempServer.ts';
import type { PollClient } from '../helpers/pollClient.ts';
import { POLLS } from './helpers/testDeck.ts';

/**
 * Reads CSV as a spreadsheet does with the separator it picked: a quote opens a quoted stretch only at
 * the start of a cell, `""` in it is one quote, and after the closing quote the rest of the cell is
 * taken as it stands (the lenient reading of Excel, LibreOffice and Python's csv module).
 */
function readCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let atStart = true;
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const char = text[k] ?? '';
    if (quoted) {
      if (char !== '"') cell += char;
      else if (text[k + 1] === '"') {
        cell += '"';
        k++;
      } else quoted = false;
      continue;
    }
    if (atStart && char === '"') {
      quoted = true;
      atStart = false;
    } else if (char === separator) {
      row.push(cell);
      cell = '';
      atStart = true;
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[k + 1] === '\n') k++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atStart = true;
    } else {
      cell += char;
      atStart = false;
    }
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** The naive reading: split lines, then split each on the separator, quotes and all. */
const splitCsv = (text: string, separator: string): string[][] =>
  text
    .split(/\r\n|\r|\n/)
    .filter((line) => line !== '')
    .map((line) => line.split(separator));

/** A cell a spreadsheet would run: a formula character first, after any white space and quotes. */
const isFormula = (cell: string): boolean => /^[\s"]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u.test(cell);
/** Our own numbers (a negative average would start with `-`) are not participant text. */
const isNumber = (cell: string): boolean => /^-?\d+(,\d+)?$/.test(cell);

describe('CSV cells', () => {
  it('quotes every text cell and writes numbers with a decimal comma', () => {
    expect(csvCell('Rood')).toBe('"Rood"');
    expect(csvCell('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvCell('rood; groen, blauw')).toBe('"rood; groen, blauw"');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(2.5)).toBe('"2,5"');
    expect(csvCell(null)).toBe('');
  });

  it('turns TAB, line breaks and other control characters into one space', () => {
    expect(csvCell('twee\r\nregels')).toBe('"twee regels"');
    expect(csvCell('a\tb\u2028c\u0085d')).toBe('"a b c d"');
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+31 6', "'+31 6"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', " '=1"],
    ['\r=1', " '=1"],
    ['  =1', "  '=1"],
    ['＝1+1', "'＝1+1"],
    ['ja,=1+1', "ja,'=1+1"],
    ['ja; "-2"', `ja; "'-2"`],
    ['kost 5,- per uur', "kost 5,'- per uur"],
    ['e-mail en a+b = c', 'e-mail en a+b = c'],
  ])('defuses a formula wherever a cell could start: %j', (text, written) => {
    expect(csvCell(text)).toBe(`"${written.replaceAll('"', '""')}"`);
  });

  it('writes a BOM, semicolons and CRLF line ends', () => {
    expect(
      toCsv([
        ['a', 'b'],
        [1.5, 'c;d'],
      ]),
    ).toBe('\uFEFF"a";"b"\r\n"1,5";"c;d"\r\n');
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

describe('the export of the real server, read with each separator a spreadsheet may pick', () => {
  const hostile = [
    '=HYPERLINK("http://x","klik")',
    '+31 6 12345678',
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    'ja,=1+1',
    'ja;=1+1',
    'Eerst taal, "dan" werk\nen dan\t=verder',
    'regel\r\n@twee',
    'a,"=1+1"',
    ' "", -1',
  ];
  const words = ['=1+1', '+cmd', 'a,=b', 'x;@y'];
  const groups = [
    { group: '=Tafel 1', text: '-1, "+2"\n=3' },
    { group: 'Tafel;2', text: '@cmd\tgo' },
  ];
  let server: RunningServer;
  let room: PresenterRoom;
  const clients: PollClient[] = [];
  let csv = '';

  /** Every phone votes once: one participant per answer. */
  async function voteAll(poll: string, values: (string | { group: string; text: string })[]) {
    await room.presenter.request({ type: 'show', poll });
    for (const value of values) {
      const { client } = await joinRoom(server.url, room.room);
      clients.push(client);
      expect(await client.request({ type: 'vote', poll, value })).toMatchObject({ type: 'ack' });
    }
  }

  beforeAll(async () => {
    server = await startTestServer();
    room = await createRoom(server.url);
    clients.push(room.presenter);
    await voteAll(POLLS.open.id, hostile);
    await voteAll(POLLS.wordcloud.id, words);
    await voteAll(POLLS.group.id, groups);
    const response = await fetch(`${server.url}/api/rooms/${room.room}/results.csv`, {
      headers: { Authorization: `Bearer ${room.key}` },
    });
    expect(response.status).toBe(200);
    csv = (await response.text()).replace(/^\uFEFF/, '');
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server.close();
  });

  it.each([
    ['semicolon', ';'],
    ['comma', ','],
    ['TAB', '\t'],
  ])('has no formula cell when read with the %s as separator', (_name, separator) => {
    for (const reading of [readCsv(csv, separator), splitCsv(csv, separator)]) {
      const formulas = reading.flat().filter((cell) => isFormula(cell) && !isNumber(cell));
      expect(formulas).toEqual([]);
    }
  });

  it('keeps every answer in one cell of one row under the semicolon, the Dutch Excel reading', () => {
    const rows = readCsv(csv, ';');
    expect(rows.every((row) => row.length === CSV_HEADER.length)).toBe(true);
    // The server trims an answer; the export makes breaks a space and gives a formula start an apostrophe.
    const asWritten = (text: string) => text.trim().replace(/[\r\n\t]+/g, ' ');
    const answers = rows.map((row) => (row[5] ?? '').replace(/'(?=[=+\-@])/g, ''));
    for (const text of hostile) expect(answers).toContain(asWritten(text));
    for (const { group, text } of groups) expect(answers).toContain(asWritten(`${group}: ${text}`));
    expect(answers).toContain('=1+1');
    expect(rows).toHaveLength(1 + hostile.length + words.length + groups.length);
    // The comma and TAB readings see each line as one row too: nothing inside an answer breaks a line.
    expect(readCsv(csv, ',')).toHaveLength(rows.length);
    expect(readCsv(csv, '\t')).toHaveLength(rows.length);
  });
});
