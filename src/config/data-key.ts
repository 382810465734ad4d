import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The data keys: the one that seals now, and earlier ones still read. */
export interface DataKeys {
  current: Buffer;
  older: Buffer[];
  /** Where the current key came from, for the start-up log (never the value). */
  source: 'environment' | 'file';
  /** The file a generated key is kept in. */
  file: string;
}

/**
 * Returns LOKET_DATA_KEY (and LOKET_DATA_KEYS_OLD). Unset outside production (config refuses
 * that in production), a random key is created once and kept in `<dataDir>/data-key` (mode
 * 600), as the console secrets are: a fresh clone's `npm start` works, and the data it stored
 * stays readable across restarts. Losing that file loses the personal data sealed under it.
 */
export async function dataKeys(
  env: { LOKET_DATA_KEY?: string | undefined; LOKET_DATA_KEYS_OLD?: string[] | undefined },
  dataDir: string,
): Promise<DataKeys> {
  const file = path.resolve(dataDir, 'data-key');
  const older = (env.LOKET_DATA_KEYS_OLD ?? []).map((k) => Buffer.from(k, 'base64'));
  if (env.LOKET_DATA_KEY)
    return { current: Buffer.from(env.LOKET_DATA_KEY, 'base64'), older, source: 'environment', file };
  try {
    const kept = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
    if (kept.length !== 32)
      throw new Error(`${file} does not hold base64 of 32 bytes; restore it from a copy`);
    return { current: kept, older, source: 'file', file };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const key = randomBytes(32);
  await mkdir(path.dirname(file), { recursive: true });
  // `wx`: two processes starting at once on one DATA_DIR never overwrite each other's key.
  try {
    await writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return dataKeys(env, dataDir);
    throw err;
  }
  return { current: key, older, source: 'file', file };
}
