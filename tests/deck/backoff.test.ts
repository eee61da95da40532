import { expect, test } from 'vitest';
import { BACKOFF, reconnectDelay } from '../../src/deck/polls/backoff.ts';
import { pollSocketUrl, POLL_SOCKET_PATH } from '../../src/deck/polls/socket.ts';
import { WS_PATH } from '../../src/shared/protocol.ts';

test('waits grow exponentially from the first wait up to the cap', () => {
  const upper = (attempt: number) => reconnectDelay(attempt, () => 1);
  expect(upper(0)).toBe(BACKOFF.firstMs);
  expect(upper(1)).toBe(BACKOFF.firstMs * 2);
  expect(upper(3)).toBe(BACKOFF.firstMs * 8);
  expect(upper(10)).toBe(BACKOFF.maxMs);
  expect(upper(1000)).toBe(BACKOFF.maxMs);
});

test('jitter spreads each wait over the upper half, never down to zero', () => {
  for (const attempt of [0, 2, 5, 20]) {
    const low = reconnectDelay(attempt, () => 0);
    const high = reconnectDelay(attempt, () => 1);
    expect(low).toBeGreaterThan(0);
    expect(low).toBe(Math.round(high / 2));
    const middle = reconnectDelay(attempt, () => 0.5);
    expect(middle).toBeGreaterThan(low);
    expect(middle).toBeLessThan(high);
  }
});

test('the socket connects to the server path of the protocol, on the page host', () => {
  expect(POLL_SOCKET_PATH).toBe(WS_PATH);
  expect(pollSocketUrl({ protocol: 'http:', host: '192.168.1.5:8080' })).toBe('ws://192.168.1.5:8080/ws');
  expect(pollSocketUrl({ protocol: 'https:', host: 'poll.example.nl' })).toBe('wss://poll.example.nl/ws');
});
