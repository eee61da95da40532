import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { loadDeck } from '../../../src/content/loadDeck.ts';
import { loadPlans } from '../../../src/content/loadPlans.ts';
import { PollCatalog } from '../../../src/server/pollCatalog.ts';
import { combineReports } from '../../../src/server/report/combineReports.ts';
import type { ReportPoll, SessionReport } from '../../../src/server/report/reportModel.ts';
import { roomReport } from '../../../src/server/report/roomReport.ts';
import { closingPolls } from '../../../src/shared/deck.ts';
import { SqliteStore } from '../../../src/server/store/SqliteStore.ts';
import type { VoteValue } from '../../../src/shared/protocol.ts';
import { readPlans, readSlides } from '../../../src/vite/readSlides.ts';
import { PROJECT_ROOT } from '../../helpers/buildDeck.ts';

// The report of a room from its stored rows, on the real deck: every poll type, two rounds of one poll,
// approved and rejected answers; and two rooms summed.

const real = readSlides(PROJECT_ROOT, join(PROJECT_ROOT, 'slides'));
const loaded = loadDeck(real.deckFile, real.slideFiles);
const deck = { ...loaded, plans: loadPlans(readPlans(PROJECT_ROOT, join(PROJECT_ROOT, 'plans')), loaded).plans };
const catalog = new PollCatalog(deck);
const T0 = Date.UTC(2026, 2, 12, 8, 0);
const MIN = 60_000;

let store: SqliteStore;
beforeEach(() => {
  store = new SqliteStore(':memory:');
});

/** A room where participants p1…pN vote; returns what each poll got, as the test expects it. */
async function session(code: string, offset = 0) {
  await store.createRoom({ code, keyHash: 'ab'.repeat(32), createdAt: T0 + offset });
  let clock = T0 + offset;
  const open = (poll: string, round = 1) => store.savePollState(code, { poll, round, open: true, revealed: true });
  const vote = async (poll: string, participant: string, value: VoteValue, approved = true) => {
    clock += MIN;
    const recorded = await store.recordVote({
      room: code,
      poll,
      participant: `${code}-${participant}`,
      value,
      approved,
      at: clock,
    });
    if (!recorded) throw new Error(`${poll} is not open`);
    return recorded.id;
  };
  const agenda = catalog.agenda('dagdeel');
  if (!agenda) throw new Error('no plan dagdeel');
  const part = (k: number) => agenda.items[k]?.part ?? '';
  await store.recordPlanPart(code, { plan: 'dagdeel', part: part(0), at: T0 + offset });
  await store.recordPlanPart(code, { plan: 'dagdeel', part: part(4), at: T0 + offset + 10 * MIN });
  await store.noteParticipants(code, 4);

  await open('start-rol');
  await vote('start-rol', 'p1', 0);
  await vote('start-rol', 'p2', 1);
  await vote('start-rol', 'p3', 0);
  await open('check-in-vraag');
  await vote('check-in-vraag', 'p1', 'Hoe vind ik werkgevers?');
  const rejected = await vote('check-in-vraag', 'p2', 'GEWEIGERD antwoord', false);
  await store.setApproved(code, 'check-in-vraag', rejected, false);
  await vote('check-in-vraag', 'p3', 'WACHTEND antwoord', false);
  await open('maatwerk-nu');
  await vote('maatwerk-nu', 'p1', 2);
  await vote('maatwerk-nu', 'p2', 3);
  await open('maatwerk-nu', 2);
  await vote('maatwerk-nu', 'p1', 4);
  await vote('maatwerk-nu', 'p2', 5);
  await vote('maatwerk-nu', 'p3', 4);
  await open('maatwerk-woord');
  await vote('maatwerk-woord', 'p1', 'Taal');
  await vote('maatwerk-woord', 'p2', 'taal!');
  await vote('maatwerk-woord', 'p3', 'WEGGEHAALD');
  await store.removeWord(code, 'maatwerk-woord', 1, 'weggehaald');
  await open('nahom-groepen');
  const group = await vote('nahom-groepen', 'p1', { group: 'Groep 1', text: 'Diploma laten waarderen' }, false);
  await store.setApproved(code, 'nahom-groepen', group, true);
  await vote('nahom-groepen', 'p2', { group: 'Groep 2', text: 'GEWEIGERDE groep' }, false);
  await open('arbeidscontracten-ontbreekt');
  await vote('arbeidscontracten-ontbreekt', 'p1', [0, 1]);
  await vote('arbeidscontracten-ontbreekt', 'p2', [1]);
  await open('reflectie-thema');
  await vote('reflectie-thema', 'p1', [2, 0, 1, 3]);
  await vote('reflectie-thema', 'p2', [2, 1, 0, 3]);
  await open('evaluatie-nut');
  await vote('evaluatie-nut', 'p1', 4);
  await vote('evaluatie-nut', 'p2', 5);
  return { lastVote: clock };
}

const pollOf = (report: SessionReport, id: string): ReportPoll => {
  const found = report.polls.find((poll) => poll.poll === id);
  if (!found) throw new Error(`no poll ${id} in the report`);
  return found;
};

describe('the report of one room', () => {
  test('holds every poll the room used, in the order shown, each round with the stored count', async () => {
    await session('ROOM22');
    const report = await roomReport(store, catalog, 'ROOM22');
    if (!report) throw new Error('no report');
    expect(report.polls.map((poll) => poll.poll)).toEqual([
      'start-rol',
      'check-in-vraag',
      'maatwerk-nu',
      'maatwerk-woord',
      'nahom-groepen',
      'arbeidscontracten-ontbreekt',
      'reflectie-thema',
      'evaluatie-nut',
    ]);
    for (const poll of report.polls) {
      for (const round of poll.rounds) {
        const stored = await store.votesOfRound('ROOM22', poll.poll, round.round);
        expect(round.voters, `${poll.poll} round ${round.round}`).toBe(stored.length);
      }
    }
    expect(pollOf(report, 'start-rol').rounds[0]?.results).toEqual({ kind: 'counts', counts: [2, 1, 0, 0, 0, 0, 0] });
    expect(pollOf(report, 'start-rol').roles).toBe(true);
    const scale = pollOf(report, 'maatwerk-nu');
    expect(scale.rounds.map((round) => round.results)).toEqual([
      { kind: 'scale', counts: [0, 1, 1, 0, 0], average: 2.5 },
      { kind: 'scale', counts: [0, 0, 0, 2, 1], average: 13 / 3 },
    ]);
    expect(pollOf(report, 'maatwerk-woord').rounds[0]?.results).toEqual({
      kind: 'words',
      words: [{ word: 'taal', count: 2 }],
    });
    expect(pollOf(report, 'arbeidscontracten-ontbreekt').rounds[0]?.results).toEqual({
      kind: 'counts',
      counts: [1, 2, 0, 0, 0],
    });
    // Borda with four options: 3, 2, 1, 0 points.
    expect(pollOf(report, 'reflectie-thema').rounds[0]?.results).toEqual({ kind: 'ranking', scores: [3, 3, 6, 0] });
  });

  test('keeps only approved answers, without ids, and nothing of the participants', async () => {
    await session('ROOM22');
    const report = await roomReport(store, catalog, 'ROOM22');
    expect(pollOf(report as SessionReport, 'check-in-vraag').rounds[0]?.results).toEqual({
      kind: 'answers',
      answers: [{ text: 'Hoe vind ik werkgevers?' }],
    });
    expect(pollOf(report as SessionReport, 'nahom-groepen').rounds[0]?.results).toEqual({
      kind: 'answers',
      answers: [{ group: 'Groep 1', text: 'Diploma laten waarderen' }],
    });
    const json = JSON.stringify(report);
    for (const hidden of ['GEWEIGERD', 'WACHTEND', 'WEGGEHAALD', 'weggehaald', 'ROOM22']) {
      expect(json).not.toContain(hidden);
    }
  });

  test('marks the closing polls, and tells the agenda as run and who took part', async () => {
    const { lastVote } = await session('ROOM22');
    const report = (await roomReport(store, catalog, 'ROOM22')) as SessionReport;
    const closing = closingPolls(deck);
    expect(closing.has('evaluatie-nut') && closing.has('reflectie-thema')).toBe(true);
    expect(report.polls.filter((poll) => poll.closing).map((poll) => poll.poll)).toEqual([
      'reflectie-thema',
      'evaluatie-nut',
    ]);
    const [only] = report.sessions;
    expect(only?.plan).toEqual({ id: 'dagdeel', title: 'Dagdeel' });
    expect(only?.participants).toEqual({ peakConnected: 4, answered: 3 });
    expect(only?.date).toBe('2026-03-12');
    const agenda = catalog.agenda('dagdeel')?.items ?? [];
    expect(only?.agenda).toEqual([
      {
        part: agenda[0]?.part,
        label: agenda[0]?.label,
        plannedMinutes: agenda[0]?.minutes,
        startedAt: new Date(T0).toISOString(),
        minutes: 10,
      },
      {
        part: agenda[4]?.part,
        label: agenda[4]?.label,
        plannedMinutes: agenda[4]?.minutes,
        startedAt: new Date(T0 + 10 * MIN).toISOString(),
        minutes: Math.round((lastVote - T0 - 10 * MIN) / MIN),
      },
    ]);
  });

  test('is null for a room that does not exist', async () => {
    expect(await roomReport(store, catalog, 'NIEMAN')).toBeNull();
  });
});

describe('several rooms together', () => {
  test('sum the counts per poll and round, compute the average again and keep every session', async () => {
    await session('ROOM22');
    await session('ROOM33', 7 * 24 * 60 * MIN);
    const one = (await roomReport(store, catalog, 'ROOM22')) as SessionReport;
    const two = (await roomReport(store, catalog, 'ROOM33')) as SessionReport;
    const both = combineReports([one, two]);
    expect(both.sessions.map((s) => s.date)).toEqual(['2026-03-12', '2026-03-19']);
    expect(pollOf(both, 'start-rol').rounds).toEqual([
      { round: 1, sessions: 2, voters: 6, results: { kind: 'counts', counts: [4, 2, 0, 0, 0, 0, 0] } },
    ]);
    expect(pollOf(both, 'maatwerk-nu').rounds[1]).toEqual({
      round: 2,
      sessions: 2,
      voters: 6,
      results: { kind: 'scale', counts: [0, 0, 0, 4, 2], average: 26 / 6 },
    });
    expect(pollOf(both, 'reflectie-thema').rounds[0]?.results).toEqual({ kind: 'ranking', scores: [6, 6, 12, 0] });
    expect(pollOf(both, 'maatwerk-woord').rounds[0]?.results).toEqual({
      kind: 'words',
      words: [{ word: 'taal', count: 4 }],
    });
    expect(pollOf(both, 'check-in-vraag').rounds[0]?.results).toEqual({
      kind: 'answers',
      answers: [{ text: 'Hoe vind ik werkgevers?' }, { text: 'Hoe vind ik werkgevers?' }],
    });
  });

  test('refuse sessions of another deck', async () => {
    await session('ROOM22');
    const one = (await roomReport(store, catalog, 'ROOM22')) as SessionReport;
    expect(() => combineReports([one, { ...one, deck: { title: 'Een andere training', subtitle: '' } }])).toThrow(
      /verschillende trainingen/,
    );
  });
});
