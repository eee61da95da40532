import fc from 'fast-check';
import { WS_PATH } from '../../../src/shared/protocol.ts';

// Requests that no browser sends: broken request lines and targets, odd Host headers, broken and
// duplicated upgrade headers, with and without `Upgrade: websocket`. Each is one request as raw bytes.

const methods = ['POST', 'HEAD', 'OPTIONS', 'get', 'G\u0000T', 'GET GET', '', 'KRIJG\u00e9', 'CONNECT'];
const targets = [
  '/',
  '//',
  '///x',
  '//ws',
  WS_PATH,
  `/${WS_PATH}`,
  `${WS_PATH}?x=%`,
  `${WS_PATH}#x`,
  'http://x',
  'http://',
  'http://[::1',
  `ws://localhost${WS_PATH}`,
  '*',
  '%zz',
  '/%zz',
  '/%00',
  '/..%2f..%2fetc/passwd',
  '/\u0000',
  '/\u007f',
  '/\u00e9t\u00e9',
  '/\u0001\u0002',
  '?',
  '',
  '/api/rooms/%zz/results.csv',
  '/api/rooms/ABCDEF/results.csv',
  `/${'a'.repeat(20_000)}`,
  `/?${'%'.repeat(5000)}`,
];
const versions = ['HTTP/1.0', 'HTTP/2.0', 'HTTP/9', '', 'HTTP/1.1 extra', 'http/1.1'];
const hosts = [
  null,
  'Host: ',
  'Host: [::1',
  'Host: a b',
  'Host: localhost\r\nHost: elders',
  'Host: \u00e9',
  'Host: localhost:99999',
  `Host: ${'h'.repeat(9000)}`,
  'Host: \u0000',
];
const upgrades = [
  null,
  'Upgrade: websocket\r\nConnection: Upgrade',
  'Upgrade: websocket\r\nUpgrade: websocket\r\nConnection: Upgrade',
  'Upgrade: websocket, h2c\r\nConnection: Upgrade, Upgrade',
  'Upgrade: h2c\r\nConnection: Upgrade',
  'Upgrade:\r\nConnection: Upgrade',
  'Upgrade: websocket\r\nConnection: keep-alive',
];
const keys = [
  null,
  'Sec-WebSocket-Key: x',
  'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
  'Sec-WebSocket-Key: ',
];
const wsVersions = [
  null,
  'Sec-WebSocket-Version: 8',
  'Sec-WebSocket-Version: abc',
  'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Version: 13',
];
const extras = [
  null,
  'Origin: null',
  'Origin: http://elders.example',
  'Origin: \u0001',
  'Sec-WebSocket-Protocol: ,,,',
  'Sec-WebSocket-Extensions: permessage-deflate; ====',
  'X-Forwarded-For: ,,, nonsense',
  'Broken header without colon',
  ' folded: continuation',
  'X-Nul: a\u0000b',
  'Content-Length: -1',
  'Content-Length: 1, 2',
  'Transfer-Encoding: chunked\r\nContent-Length: 3',
  `X-Huge: ${'x'.repeat(20_000)}`,
];

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
/** Mostly the ordinary value, so that most requests get past the parser to the server's own code. */
const mostly = <T>(ordinary: T, odd: readonly T[]) =>
  fc.oneof({ arbitrary: fc.constant(ordinary), weight: 3 }, { arbitrary: pick(odd), weight: 1 });

/** One malformed (or odd) request, as the bytes that go on the wire. */
export const malformedRequest: fc.Arbitrary<Buffer> = fc
  .record({
    method: mostly('GET', methods),
    target: pick(targets),
    version: mostly('HTTP/1.1', versions),
    headers: fc.tuple(
      mostly('Host: localhost', hosts),
      pick(upgrades),
      mostly('Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', keys),
      mostly('Sec-WebSocket-Version: 13', wsVersions),
      fc.oneof({ arbitrary: fc.constant(null), weight: 2 }, { arbitrary: pick(extras), weight: 1 }),
    ),
    /** Sometimes one request line only, or a request cut off in its headers. */
    ending: fc.oneof(
      { arbitrary: fc.constant('\r\n\r\n'), weight: 8 },
      { arbitrary: pick(['\n\n', '\r\n', '']), weight: 2 },
    ),
  })
  .map(({ method, target, version, headers, ending }) => {
    const lines = [[method, target, version].join(' '), ...headers.filter((line) => line !== null)];
    // UTF-8 where a raw client would put non-ASCII bytes.
    return Buffer.from(lines.join('\r\n') + ending, 'utf8');
  });
