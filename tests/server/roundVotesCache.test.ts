import { describe, expect, it } from 'vitest';
import { RoundVotesCache } from '../../src/server/store/roundVotesCache.ts';

// The recent rounds' votes in memory: enough rounds for a hundred rooms voting at once, and a bound on
// the votes held in all.

const votes = (count: number, firstId = 1) =>
  Array.from({ length: count }, (_, k) => ({ id: firstId + k, value: k % 3, approved: true }));

describe('RoundVotesCache', () => {
  it('keeps the rounds of a hundred rooms that vote at the same time', () => {
    const cache = new RoundVotesCache();
    for (let room = 0; room < 100; room++) cache.set(`ROOM${room}`, 'kies-een', 1, votes(50));
    for (let room = 0; room < 100; room++) expect(cache.get(`ROOM${room}`, 'kies-een', 1)).toHaveLength(50);
  });

  it('lets go of the rounds used longest ago once it holds too many votes, never the one written to', () => {
    const cache = new RoundVotesCache();
    cache.set('OUD', 'kies-een', 1, votes(40_000));
    cache.set('MIDDEN', 'kies-een', 1, votes(40_000, 50_000));
    cache.get('OUD', 'kies-een', 1);
    cache.set('NIEUW', 'kies-een', 1, votes(40_000, 100_000));
    expect(cache.get('MIDDEN', 'kies-een', 1)).toBeUndefined();
    expect(cache.get('OUD', 'kies-een', 1)).toHaveLength(40_000);
    cache.recorded('NIEUW', 'kies-een', 1, { id: 200_000, value: 1, approved: true });
    expect(cache.get('NIEUW', 'kies-een', 1)).toHaveLength(40_001);
  });

  it('merges the rows changed since a read: replaced by id, new ones in id order, with the new mark', () => {
    const cache = new RoundVotesCache();
    expect(cache.merge('ROOM', 'kies-een', 1, votes(1), '5')).toBeUndefined();
    cache.set(
      'ROOM',
      'kies-een',
      1,
      [1, 2, 5].map((id) => ({ id, value: 0, approved: false })),
      '10',
    );
    expect(cache.mark('ROOM', 'kies-een', 1)).toBe('10');
    const merged = cache.merge(
      'ROOM',
      'kies-een',
      1,
      [
        { id: 2, value: 1, approved: true },
        { id: 6, value: 2, approved: false },
        { id: 4, value: 3, approved: false },
      ],
      '12',
    );
    expect(merged?.map(({ id, value }) => [id, value])).toEqual([
      [1, 0],
      [2, 1],
      [4, 3],
      [5, 0],
      [6, 2],
    ]);
    expect(cache.mark('ROOM', 'kies-een', 1)).toBe('12');
    cache.merge('ROOM', 'kies-een', 1, [{ id: 4, value: 9, approved: true }], '13');
    expect(cache.get('ROOM', 'kies-een', 1)?.find((vote) => vote.id === 4)).toEqual({
      id: 4,
      value: 9,
      approved: true,
    });
    cache.forget('ROOM', 'kies-een', 1);
    expect(cache.mark('ROOM', 'kies-een', 1)).toBeUndefined();
  });
});
