import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The console's signing keys: from the environment, or (outside production) kept under DATA_DIR. */
export interface ConsoleSecrets {
  sessionSecret: string;
  csrfSecret: string;
  /** Where they came from, for the start-up log (never the values). */
  source: 'environment' | 'file';
}

/**
 * Returns SESSION_SECRET and CSRF_SECRET. When either is unset, random ones are created once and
 * kept in `<dataDir>/secrets.json` (mode 600), so a fresh clone's `npm start` and a first
 * `docker compose up` (DATA_DIR is a volume) work, and officers stay logged in across restarts.
 * Secrets given in the environment win, and several processes behind one address must share
 * them: the same DATA_DIR, or the variables.
 */
export async function consoleSecrets(
  env: { SESSION_SECRET?: string | undefined; CSRF_SECRET?: string | undefined },
  dataDir: string,
): Promise<ConsoleSecrets> {
  if (env.SESSION_SECRET && env.CSRF_SECRET)
    return { sessionSecret: env.SESSION_SECRET, csrfSecret: env.CSRF_SECRET, source: 'environment' };
  const file = path.resolve(dataDir, 'secrets.json');
  let kept: Partial<Record<'sessionSecret' | 'csrfSecret', string>> = {};
  try {
    kept = JSON.parse(await readFile(file, 'utf8')) as typeof kept;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const usable = (v: string | undefined): v is string => typeof v === 'string' && v.length >= 32;
  const stored = {
    sessionSecret: usable(kept.sessionSecret) ? kept.sessionSecret : randomBytes(32).toString('hex'),
    csrfSecret: usable(kept.csrfSecret) ? kept.csrfSecret : randomBytes(32).toString('hex'),
  };
  if (stored.sessionSecret !== kept.sessionSecret || stored.csrfSecret !== kept.csrfSecret) {
    // Only generated values are written: a secret from the environment never lands on disk.
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(stored), { mode: 0o600 });
  }
  const secrets = {
    sessionSecret: env.SESSION_SECRET ?? stored.sessionSecret,
    csrfSecret: env.CSRF_SECRET ?? stored.csrfSecret,
  };
  return { ...secrets, source: 'file' };
}
