import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../src/server/clientAddress.ts';
import { readSettings, SettingsError } from '../../src/server/settings.ts';

describe('readSettings', () => {
  it('gives the defaults for an empty environment', () => {
    const settings = readSettings({}, '/srv/deck');
    expect(settings).toEqual({
      port: 8080,
      host: null,
      dataDir: '/srv/deck/data',
      distDir: '/srv/deck/dist',
      publicUrl: null,
      presenterPassword: null,
      retentionDays: 30,
      trustProxy: false,
      databaseUrl: null,
      allowedOrigins: [],
      maxConnectionsPerAddress: 2000,
      maxConnections: 20_000,
      sqliteSync: 'normal',
      participantsPerAddress: 600,
      roomsPerAddress: 30,
    });
  });

  it('reads every setting', () => {
    const settings = readSettings(
      {
        PORT: '9000',
        HOST: '0.0.0.0',
        DATA_DIR: '/var/lib/deck',
        PUBLIC_URL: 'https://polls.voorbeeld.nl',
        PRESENTER_PASSWORD: ' geheim ',
        RETENTION_DAYS: '7',
        TRUST_PROXY: 'true',
        DATABASE_URL: 'postgres://polls@db.intern:5432/polls',
        ALLOWED_ORIGINS: 'https://deck.voorbeeld.nl, http://10.0.0.5:8080/',
        MAX_CONNECTIONS_PER_ADDRESS: '500',
        MAX_CONNECTIONS: '5000',
        SQLITE_SYNC: 'FULL',
        PARTICIPANTS_PER_ADDRESS: '2000',
        ROOMS_PER_ADDRESS: '5',
      },
      '/srv/deck',
    );
    expect(settings).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      dataDir: '/var/lib/deck',
      publicUrl: 'https://polls.voorbeeld.nl',
      presenterPassword: 'geheim',
      retentionDays: 7,
      trustProxy: true,
      databaseUrl: 'postgres://polls@db.intern:5432/polls',
      allowedOrigins: ['https://deck.voorbeeld.nl', 'http://10.0.0.5:8080'],
      maxConnectionsPerAddress: 500,
      maxConnections: 5000,
      sqliteSync: 'full',
      participantsPerAddress: 2000,
      roomsPerAddress: 5,
    });
  });

  it.each([
    [{ PORT: '80a' }, 'PORT=80a kan niet: geef een heel getal van 0 tot 65535.'],
    [{ RETENTION_DAYS: '0' }, 'RETENTION_DAYS=0 kan niet: geef een heel getal van 1 tot 3650.'],
    [{ PUBLIC_URL: 'polls.nl' }, 'PUBLIC_URL=polls.nl is geen geldig adres; bijvoorbeeld https://polls.voorbeeld.nl'],
    [{ PUBLIC_URL: 'ftp://polls.nl' }, 'PUBLIC_URL=ftp://polls.nl is geen geldig adres'],
    [{ TRUST_PROXY: 'misschien' }, 'TRUST_PROXY=misschien kan niet: kies true of false.'],
    [{ DATABASE_URL: 'mysql://db/polls' }, 'DATABASE_URL is geen PostgreSQL-adres'],
    [{ ALLOWED_ORIGINS: 'deck.nl' }, 'ALLOWED_ORIGINS: deck.nl is geen origin; bijvoorbeeld https://deck.voorbeeld.nl'],
    [{ ALLOWED_ORIGINS: 'https://deck.nl/pad' }, 'ALLOWED_ORIGINS: https://deck.nl/pad is geen origin'],
    [{ MAX_CONNECTIONS_PER_ADDRESS: '0' }, 'MAX_CONNECTIONS_PER_ADDRESS=0 kan niet: geef een heel getal van 1 tot'],
    [{ MAX_CONNECTIONS: 'veel' }, 'MAX_CONNECTIONS=veel kan niet: geef een heel getal van 1 tot'],
    [{ SQLITE_SYNC: 'extra' }, 'SQLITE_SYNC=extra kan niet: kies normal of full.'],
    [{ PARTICIPANTS_PER_ADDRESS: '0' }, 'PARTICIPANTS_PER_ADDRESS=0 kan niet: geef een heel getal van 1 tot 1000000.'],
    [{ ROOMS_PER_ADDRESS: 'veel' }, 'ROOMS_PER_ADDRESS=veel kan niet: geef een heel getal van 1 tot 100000.'],
  ])('refuses %o with a clear message', (env, message) => {
    expect(() => readSettings(env)).toThrow(SettingsError);
    expect(() => readSettings(env)).toThrow(message);
  });
});

describe('clientAddress', () => {
  const request = (remoteAddress: string, forwarded?: string) =>
    ({
      socket: { remoteAddress },
      headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
    }) as unknown as IncomingMessage;

  it('uses the socket address and ignores X-Forwarded-For without TRUST_PROXY', () => {
    expect(clientAddress(request('::ffff:127.0.0.5', '203.0.113.9'), false)).toBe('127.0.0.5');
  });

  it('takes the hop the proxy added with TRUST_PROXY, not what the client wrote before it', () => {
    expect(clientAddress(request('127.0.0.1', '10.9.9.9, 203.0.113.9'), true)).toBe('203.0.113.9');
  });

  it('falls back to the socket address when the header holds no address', () => {
    expect(clientAddress(request('127.0.0.1', 'nonsense'), true)).toBe('127.0.0.1');
    expect(clientAddress(request('::1'), true)).toBe('::1');
  });
});
