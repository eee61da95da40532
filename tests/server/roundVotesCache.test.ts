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
});
