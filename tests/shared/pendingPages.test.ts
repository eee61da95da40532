import { describe, expect, it } from 'vitest';
import { nextBefore, OlderPending, rangeOfPage } from '../../src/shared/pendingPages.ts';
import { ANSWER_PAGE, type OpenAnswer } from '../../src/shared/protocol.ts';

const answers = (ids: number[]): OpenAnswer[] => ids.map((id) => ({ id, text: `a${id}`, approved: false }));
const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

describe('paging back through waiting answers', () => {
  it('asks below the newest page, then below each page, until a page was not full', () => {
    const newest = answers(ids(151, 201));
    expect(nextBefore(newest, [])).toBe(151);
    const page = rangeOfPage(151, answers(ids(101, 151)));
    expect(page).toEqual({ from: 101, to: 151 });
    expect(nextBefore(newest, [page])).toBe(101);
    const last = rangeOfPage(101, answers(ids(90, 101)));
    expect(last).toEqual({ from: 0, to: 101 });
    expect(nextBefore(newest, [page, last])).toBeNull();
  });

  it('fills the gap first when new answers pushed the newest page forward', () => {
    const loaded = [rangeOfPage(151, answers(ids(101, 151)))];
    // 60 new answers came in: the newest page now starts at 211; 151..210 were never seen as a page.
    const newest = answers(ids(211, 261));
    expect(nextBefore(newest, loaded)).toBe(211);
    const gap = rangeOfPage(211, answers(ids(161, 211)));
    expect(nextBefore(newest, [...loaded, gap])).toBe(161);
    const rest = rangeOfPage(161, answers(ids(111, 161)));
    expect(nextBefore(newest, [...loaded, gap, rest])).toBe(101);
  });

  it('asks for the newest page when none is known, and for nothing once everything is', () => {
    expect(nextBefore([], [])).toBe(Number.MAX_SAFE_INTEGER);
    expect(nextBefore([], [rangeOfPage(Number.MAX_SAFE_INTEGER, answers(ids(1, ANSWER_PAGE)))])).toBeNull();
  });
});

describe('OlderPending', () => {
  it('keeps the pages asked for of one poll round, and starts again for another', () => {
    const older = new OlderPending();
    older.received('p', 1, answers([1, 2])); // not asked for: ignored
    expect(older.of('p', 1)).toEqual({ answers: [], ranges: [] });
    older.asked('p', 1, 151);
    older.received('p', 1, answers(ids(101, 151)));
    expect(older.of('p', 1).ranges).toEqual([{ from: 101, to: 151 }]);
    expect(older.of('p', 1).answers).toHaveLength(50);
    older.moderated(101, true);
    expect(older.of('p', 1).answers[0]).toMatchObject({ id: 101, approved: true });
    older.moderated(102, false); // rejected: off the list, the range still covered
    expect(older.of('p', 1).answers.map((answer) => answer.id)).not.toContain(102);
    expect(older.of('p', 1).answers).toHaveLength(49);
    expect(older.of('p', 1).ranges).toEqual([{ from: 101, to: 151 }]);
    expect(older.of('p', 2)).toEqual({ answers: [], ranges: [] });
    older.asked('p', 2, 10);
    expect(older.of('p', 1)).toEqual({ answers: [], ranges: [] });
  });
});
