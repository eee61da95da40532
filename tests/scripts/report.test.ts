import { expect, test } from 'vitest';
import { parseArguments, writeReport } from '../../scripts/report.ts';

// The command line of `npm run report`; the report itself is tested end to end in
// tests/browser/sessionReport.test.ts.

test('takes the codes, a key per code in order, the server and the folder', () => {
  expect(parseArguments(['k7q4pm', '--key', 'a'.repeat(22), '9XH2QA', '--key', 'b'.repeat(22)], {})).toEqual({
    codes: ['K7Q4PM', '9XH2QA'],
    keys: ['a'.repeat(22), 'b'.repeat(22)],
    server: 'http://127.0.0.1:8080',
    outDir: undefined,
  });
  expect(
    parseArguments(['K7Q4PM', '--server', 'https://polls.voorbeeld.nl', '--out', 'verslagen'], {
      REPORT_KEYS: ' sleutel ',
      POLL_SERVER_URL: 'http://ergens',
    }),
  ).toEqual({ codes: ['K7Q4PM'], keys: ['sleutel'], server: 'https://polls.voorbeeld.nl', outDir: 'verslagen' });
  expect(() => parseArguments(['K7Q4PM', '--sleutel', 'x'], {})).toThrow(/onbekende optie --sleutel/);
  expect(() => parseArguments(['K7Q4PM', '--key'], {})).toThrow(/--key heeft een waarde nodig/);
});

test('says in Dutch what is missing before it asks any server', async () => {
  await expect(writeReport({ codes: [], keys: [], server: 'http://127.0.0.1:9' })).rejects.toThrow(
    /minstens één sessie/,
  );
  await expect(writeReport({ codes: ['K7Q4PM', '9XH2QA'], keys: ['x'], server: 'http://127.0.0.1:9' })).rejects.toThrow(
    /2 codes, 1 sleutels/,
  );
  await expect(writeReport({ codes: ['K7Q4PM'], keys: ['x'], server: 'http://127.0.0.1:9' })).rejects.toThrow(
    /niet bereikbaar/,
  );
});
