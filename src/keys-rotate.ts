/**
 * `npm run keys:rotate`
 * Re-seals every record not under the current data key (LOKET_DATA_KEY), with the keys of
 * LOKET_DATA_KEYS_OLD to open the old ones, and recomputes the blind indexes. Safe to run again
 * and while Loket runs (src/adapters/mongo/reseal.ts says why). Prints one line per collection.
 */
import { pathToFileURL } from 'node:url';
import { openConnection } from './adapters/mongo/connection.js';
import { resolveDatabase } from './adapters/mongo/resolve-database.js';
import { resealAll, type ResealTally } from './adapters/mongo/reseal.js';
import { parseCommandLine, runTool } from './config/command-line.js';
import { loadConfig } from './config/config.js';
import { createLogger } from './config/logger.js';
import { openCipher } from './main/loket.js';

const TOOL = {
  name: 'keys:rotate',
  usage: 'Pemakaian / usage: npm run keys:rotate',
};

/** Ids named per collection in the closing message; the rest are counted. */
const NAMED = 20;

/** The table's columns: collection, records checked, re-sealed. */
const HEAD = ['koleksi / collection', 'diperiksa / checked', 'disegel ulang / re-sealed'] as const;

/** One row of the table, under HEAD. */
export function tallyLine(t: ResealTally): string {
  const [c, n, r] = HEAD;
  return `${t.collection.padEnd(c.length)}  ${String(t.checked).padStart(n.length)}  ${String(t.resealed).padStart(r.length)}`;
}

/** The closing lines and the exit code: 0 when every record is under `keyId`, 1 otherwise. */
export function verdict(tallies: readonly ResealTally[], keyId: string): { lines: string[]; code: number } {
  const lines: string[] = [];
  for (const t of tallies) {
    if (t.unreadable.length > 0) {
      const named = t.unreadable.slice(0, NAMED).join(', ');
      const more = t.unreadable.length > NAMED ? ` (+${t.unreadable.length - NAMED})` : '';
      lines.push(
        `${t.collection}: ${t.unreadable.length} tidak bisa dibuka / cannot be opened: ${named}${more}`,
      );
    }
    if (t.busy.length > 0)
      lines.push(
        `${t.collection}: ${t.busy.length} sedang diubah, jalankan lagi / changed meanwhile, run again: ${t.busy.slice(0, NAMED).join(', ')}`,
      );
  }
  if (lines.length === 0)
    return { lines: [`Semua data memakai kunci ${keyId} / all records under key ${keyId}`], code: 0 };
  if (tallies.some((t) => t.unreadable.length > 0))
    lines.push(
      'Kunci lama yang menyegel data ini tidak ada di LOKET_DATA_KEYS_OLD: tambahkan lalu jalankan lagi / ' +
        'the key that sealed these records is not in LOKET_DATA_KEYS_OLD: add it and run again',
    );
  return { lines, code: 1 };
}

async function main(argv: string[]): Promise<number> {
  parseCommandLine({ args: argv, options: {} });
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  // The same database `npm start` uses: MONGODB_URI, or the embedded one under DATA_DIR.
  const { uri, embedded } = await resolveDatabase(config, logger, { shareEmbeddedDb: true });
  const conn = await openConnection(uri);
  try {
    const cipher = await openCipher(config, logger);
    console.log(HEAD.join('  '));
    const tallies = await resealAll(conn, cipher, (t) => console.log(tallyLine(t)));
    const { lines, code } = verdict(tallies, cipher.keyId);
    for (const line of lines) (code === 0 ? console.log : console.error)(line);
    return code;
  } finally {
    await conn.close();
    await embedded?.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runTool(TOOL, main);
}
