import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

// The database holds what participants wrote; on a shared machine no other user may read it. SQLite
// gives its -wal and -shm files the mode of the database file, so the database file's mode is the one
// that matters; all three are set anyway, also when an older version of this server made them wider.

const DIR_MODE = 0o700;
const FILE_MODE = 0o600;
const COMPANIONS = ['', '-wal', '-shm'];

/**
 * A folder of another owner (a mounted volume) may be ours to write in but not to chmod: then the
 * server still starts, and says what it could not do.
 */
function narrow(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
    console.warn(`Let op: ${path} kan niet op ${mode.toString(8)} (alleen de eigenaar); kijk wie er mag lezen.`);
  }
}

/** Makes the data folder (0700) and an empty database file (0600) when missing, and fixes their modes. */
export function preparePrivateDatabase(file: string): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  narrow(dir, DIR_MODE);
  if (!existsSync(file)) closeSync(openSync(file, 'a', FILE_MODE));
  keepPrivate(file);
}

/** Sets 0600 on the database file and its -wal and -shm files, those that exist. */
export function keepPrivate(file: string): void {
  for (const suffix of COMPANIONS) {
    if (existsSync(file + suffix)) narrow(file + suffix, FILE_MODE);
  }
}
