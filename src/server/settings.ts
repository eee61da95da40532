import { resolve } from 'node:path';
import { DEFAULT_LIMITS } from './participantLimits.ts';

// Every setting of the poll server, read from the environment once and checked, with a Dutch message
// for each bad value. `npm start` (main.ts) and `npm run dev` (the Vite plugin) both read them here.

export interface ServerSettings {
  /** 0 picks a free port. */
  port: number;
  /** Where to listen; null leaves it to the caller (the dev server listens on localhost then). */
  host: string | null;
  dataDir: string;
  distDir: string;
  /** Base of join links and QR codes, e.g. `https://polls.voorbeeld.nl`; null: the machine's LAN address. */
  publicUrl: string | null;
  presenterPassword: string | null;
  retentionDays: number;
  /** Believe `X-Forwarded-For` (only behind a proxy that sets it). */
  trustProxy: boolean;
  /** `postgres://…`: keep the polls in PostgreSQL instead of the SQLite file in dataDir. */
  databaseUrl: string | null;
  /** Origins, besides the server's own and PUBLIC_URL's, whose pages may open the poll socket. */
  allowedOrigins: string[];
  /** Open poll sockets per client address: a venue's Wi-Fi puts a whole room behind one address. */
  maxConnectionsPerAddress: number;
  /** Open TCP connections of the whole server (`server.maxConnections`). */
  maxConnections: number;
  /** SQLite's `synchronous`: normal survives a crash of the process, full also a power cut. */
  sqliteSync: SqliteSync;
  /** New participants one address may add at once (a venue's NAT); see participantLimits. */
  participantsPerAddress: number;
  /** New rooms one address may create at once; see participantLimits. */
  roomsPerAddress: number;
}

export type SqliteSync = 'normal' | 'full';

export class SettingsError extends Error {}

type Env = Record<string, string | undefined>;

function text(env: Env, name: string): string | null {
  const value = env[name]?.trim();
  return value ? value : null;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = text(env, name);
  if (value === null) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new SettingsError(`${name}=${value} kan niet: geef een heel getal van ${min} tot ${max}.`);
  }
  return number;
}

function flag(env: Env, name: string): boolean {
  const value = text(env, name)?.toLowerCase() ?? null;
  if (value === null || ['0', 'false', 'nee', 'no'].includes(value)) return false;
  if (['1', 'true', 'ja', 'yes'].includes(value)) return true;
  throw new SettingsError(`${name}=${value} kan niet: kies true of false.`);
}

function address(env: Env, name: string, example: string): string | null {
  const value = text(env, name);
  if (value === null) return null;
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    throw new SettingsError(`${name}=${value} is geen geldig adres; bijvoorbeeld ${example}`);
  }
  return value;
}

function databaseUrl(env: Env): string | null {
  const value = text(env, 'DATABASE_URL');
  if (value === null) return null;
  if (!URL.canParse(value) || !/^postgres(?:ql)?:$/.test(new URL(value).protocol)) {
    throw new SettingsError(
      'DATABASE_URL is geen PostgreSQL-adres; bijvoorbeeld postgres://polls:wachtwoord@localhost:5432/polls',
    );
  }
  return value;
}

function origins(env: Env, name: string): string[] {
  const entries = (text(env, name) ?? '').split(',').map((entry) => entry.trim());
  return entries
    .filter((entry) => entry !== '')
    .map((entry) => {
      const url = URL.canParse(entry) ? new URL(entry) : null;
      if (!url || !/^https?:$/.test(url.protocol) || `${url.origin}/` !== url.href.replace(/\/?$/, '/')) {
        throw new SettingsError(`${name}: ${entry} is geen origin; bijvoorbeeld https://deck.voorbeeld.nl`);
      }
      return url.origin;
    });
}

function choice<T extends string>(env: Env, name: string, options: readonly T[]): T {
  const value = text(env, name)?.toLowerCase() ?? options[0];
  const chosen = options.find((option) => option === value);
  if (chosen === undefined) throw new SettingsError(`${name}=${value} kan niet: kies ${options.join(' of ')}.`);
  return chosen;
}

/** Reads and checks every setting; throws a SettingsError naming the first bad one. */
export function readSettings(env: Env, root = process.cwd()): ServerSettings {
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host: text(env, 'HOST'),
    dataDir: resolve(root, text(env, 'DATA_DIR') ?? 'data'),
    distDir: resolve(root, text(env, 'DIST_DIR') ?? 'dist'),
    publicUrl: address(env, 'PUBLIC_URL', 'https://polls.voorbeeld.nl'),
    presenterPassword: text(env, 'PRESENTER_PASSWORD'),
    retentionDays: integer(env, 'RETENTION_DAYS', 30, 1, 3650),
    trustProxy: flag(env, 'TRUST_PROXY'),
    databaseUrl: databaseUrl(env),
    allowedOrigins: origins(env, 'ALLOWED_ORIGINS'),
    // Hundreds of phones on one venue's Wi-Fi, each with a socket and one more while it reconnects.
    maxConnectionsPerAddress: integer(env, 'MAX_CONNECTIONS_PER_ADDRESS', 2000, 1, 1_000_000),
    maxConnections: integer(env, 'MAX_CONNECTIONS', 20_000, 1, 1_000_000),
    sqliteSync: choice(env, 'SQLITE_SYNC', ['normal', 'full'] as const),
    participantsPerAddress: integer(env, 'PARTICIPANTS_PER_ADDRESS', DEFAULT_LIMITS.newIdentities.burst, 1, 1_000_000),
    roomsPerAddress: integer(env, 'ROOMS_PER_ADDRESS', DEFAULT_LIMITS.newRooms.burst, 1, 100_000),
  };
}
