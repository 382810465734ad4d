/**
 * `npm run officer:create -- --username admin --name "Admin Kota" --office 31.71.01.1001 --role admin`
 * (or `--role agency --agency dinas_pupr` for an agency account)
 * Makes the first console account from the command line. The password comes from
 * LOKET_ADMIN_PASSWORD or is typed on a TTY without echo; it is never printed or logged.
 */
import { pathToFileURL } from 'node:url';
import { openConnection } from './adapters/mongo/connection.js';
import { loadConfig } from './config/config.js';
import { parseCommandLine, runTool, UsageError } from './config/command-line.js';
import { createLogger } from './config/logger.js';
import { resolveDatabase } from './adapters/mongo/resolve-database.js';
import { createMongoRepositories } from './adapters/mongo/repositories.js';
import { openCipher } from './main/loket.js';
import { assertAgencyListed, createOfficer } from './app/officer/create-officer.js';
import { seedAgencies } from './app/seed-agencies.js';
import { resolveCatalogPaths } from './catalog/catalog-paths.js';
import { readAgencies } from './catalog/read-agencies.js';
import { OfficerActionError } from './app/officer/errors.js';
import type { OfficerRole } from './ports/officer-repository.js';

const ROLES: readonly OfficerRole[] = ['officer', 'supervisor', 'admin', 'agency'];

const TOOL = {
  name: 'officer:create',
  usage:
    'Pemakaian / usage: npm run officer:create -- --username NAMA --name "NAMA TAMPILAN" --office KODE [--role officer|supervisor|admin|agency] [--agency ID_INSTANSI]',
};

/** The parsed command line; `undefined` fields are reported as missing. */
export interface OfficerCreateArgs {
  username: string;
  displayName: string;
  officeId: string;
  role: OfficerRole;
  /** For `--role agency` only: the agency the account answers for. */
  agencyId?: string;
}

/** Parses the flags; throws a UsageError meant for the person at the terminal. */
export function parseOfficerCreateArgs(argv: string[]): OfficerCreateArgs {
  const { values } = parseCommandLine({
    args: argv,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      office: { type: 'string' },
      role: { type: 'string', default: 'admin' },
      agency: { type: 'string' },
    },
  });
  const missing = (['username', 'name', 'office'] as const).filter((k) => !values[k]);
  if (missing.length > 0)
    throw new UsageError(`wajib diisi / required: ${missing.map((m) => `--${m}`).join(', ')}`);
  const role = values.role as OfficerRole;
  if (!ROLES.includes(role))
    throw new UsageError(`--role harus salah satu dari / must be one of: ${ROLES.join(', ')}`);
  if (role === 'agency' && !values.agency)
    throw new UsageError('--role agency perlu --agency ID_INSTANSI / needs --agency AGENCY_ID');
  if (role !== 'agency' && values.agency)
    throw new UsageError('--agency hanya untuk --role agency / only for --role agency');
  return {
    username: values.username ?? '',
    displayName: values.name ?? '',
    officeId: values.office ?? '',
    role,
    ...(values.agency ? { agencyId: values.agency } : {}),
  };
}

/** Reads a line from a TTY with echo off. */
async function promptHidden(question: string): Promise<string> {
  const { stdin, stderr } = process;
  if (!stdin.isTTY)
    throw new Error(
      'Isi LOKET_ADMIN_PASSWORD, atau jalankan di terminal untuk mengetik kata sandi / set LOKET_ADMIN_PASSWORD, or run on a terminal to type the password',
    );
  stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          stderr.write('\n');
          resolve(typed);
          return;
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          reject(new Error('dibatalkan / cancelled'));
          return;
        }
        typed = ch === '\u007f' ? typed.slice(0, -1) : typed + ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** Creates the account; an officer rule broken (name taken, unknown office) is printed with its fields. */
async function main(argv: string[]): Promise<number> {
  const args = parseOfficerCreateArgs(argv);
  const password = process.env.LOKET_ADMIN_PASSWORD || (await promptHidden('Kata sandi / password: '));
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  // The same database `npm start` uses: MONGODB_URI, or the embedded one under DATA_DIR.
  const { uri, embedded } = await resolveDatabase(config, logger, { shareEmbeddedDb: true });
  const conn = await openConnection(uri);
  try {
    const repos = createMongoRepositories(conn, await openCipher(config, logger));
    await repos.ensureIndexes();
    // The catalog's agencies, as a server start seeds them: an agency account may come first.
    const { agencies } = await readAgencies(
      resolveCatalogPaths(config.CATALOG_DIR ? { overlayDir: config.CATALOG_DIR } : {}),
    );
    await seedAgencies(repos, agencies);
    await assertAgencyListed(repos, args);
    const officer = await createOfficer(
      { ...repos, now: () => new Date() },
      { ...args, password },
      { kind: 'system', id: 'officer:create' },
    );
    console.log(`Akun dibuat / account created: ${officer.username} (${officer.role}, ${officer.officeId})`);
    return 0;
  } catch (err) {
    if (!(err instanceof OfficerActionError)) throw err;
    console.error(err.message);
    for (const [field, problem] of Object.entries(err.fields ?? {})) console.error(`  ${field}: ${problem}`);
    return 1;
  } finally {
    await conn.close();
    await embedded?.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runTool(TOOL, main);
}
