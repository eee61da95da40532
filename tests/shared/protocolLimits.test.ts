import { expect, test } from 'vitest';
import { pollSocketUrl, WS_PATH } from '../../src/shared/protocolLimits.ts';

test('the poll socket is on the host the page came from, wss under https', () => {
  expect(pollSocketUrl({ protocol: 'http:', host: '192.168.1.20:8080' })).toBe(`ws://192.168.1.20:8080${WS_PATH}`);
  expect(pollSocketUrl({ protocol: 'https:', host: 'polls.voorbeeld.nl' })).toBe('wss://polls.voorbeeld.nl/ws');
});
