import { describe, expect, test } from 'vitest';
import { parsePollServerContent } from '../../src/client/pollServerConfig.ts';

describe('how the deck knows whether a poll server stands behind it', () => {
  test('an empty meta tag (static host, file on disk) means self-study', () => {
    expect(parsePollServerContent('')).toEqual({ mode: 'self-study' });
    expect(parsePollServerContent('   ')).toEqual({ mode: 'self-study' });
    expect(parsePollServerContent(null)).toEqual({ mode: 'self-study' });
    expect(parsePollServerContent(undefined)).toEqual({ mode: 'self-study' });
  });

  test('the JSON the server fills in means live mode', () => {
    expect(parsePollServerContent('{"joinBase":"http://192.168.1.5:8080","passwordRequired":false}')).toEqual({
      mode: 'live',
      joinBase: 'http://192.168.1.5:8080',
      passwordRequired: false,
    });
    expect(parsePollServerContent('{"joinBase":"https://poll.example.nl/","passwordRequired":true}')).toEqual({
      mode: 'live',
      joinBase: 'https://poll.example.nl',
      passwordRequired: true,
    });
  });

  test('anything else is not a server: self-study, without an error', () => {
    for (const content of [
      '{',
      'null',
      '42',
      '"http://x"',
      '{}',
      '{"joinBase":42}',
      '{"joinBase":"javascript:alert(1)"}',
      '{"joinBase":"ftp://host"}',
      '%POLL_SERVER%',
    ]) {
      expect(parsePollServerContent(content), content).toEqual({ mode: 'self-study' });
    }
  });

  test('passwordRequired is only true when the server says exactly that', () => {
    expect(parsePollServerContent('{"joinBase":"http://h:1","passwordRequired":"yes"}')).toMatchObject({
      passwordRequired: false,
    });
  });
});
