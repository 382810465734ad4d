import { createHash, randomBytes } from 'node:crypto';
import type { EventLog } from '../../ports/event-log.js';
import type { OfficeRepository } from '../../ports/office-repository.js';
import type { OfficerRepository } from '../../ports/officer-repository.js';
import type { SetupTokenStore } from '../../ports/setup-token-store.js';
import { createOfficer, type PublicOfficer } from './create-officer.js';
import { OfficerActionError } from './errors.js';
import { passwordWeakness } from './passwords.js';

/** How long a setup link works if nobody uses it. */
export const SETUP_TOKEN_TTL_MS = 24 * 3_600_000;

/**
 * Processes starting within this long of each other share one link: only the first one shows it.
 * A restart after it issues a new link and kills the old one.
 */
export const SETUP_ISSUE_WINDOW_MS = 15_000;

/** What the first-run setup needs. */
export interface FirstAdminDeps {
  officers: OfficerRepository;
  offices: Pick<OfficeRepository, 'get'>;
  events: EventLog;
  setupTokens: SetupTokenStore;
  now: () => Date;
}

/** The first admin as typed on the setup page. */
export interface FirstAdminInput {
  username: string;
  displayName: string;
  password: string;
  officeId: string;
}

/** The result of issuing at start-up: the token to show once, or why there is none. */
export type IssuedSetup =
  | { kind: 'issued'; token: string; expiresAt: Date }
  | { kind: 'officers-exist' }
  | { kind: 'issued-elsewhere' };

/** The one message for a wrong, expired or used link: which of them is never said. */
export const SETUP_GONE_MESSAGE =
  'Tautan penyiapan tidak berlaku lagi: penyiapan sudah selesai, tautannya kedaluwarsa, atau salah. Masuk di /console/login (setup link no longer valid).';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** Whether any console account exists (the setup is for an empty database only). */
async function hasOfficers(deps: Pick<FirstAdminDeps, 'officers'>): Promise<boolean> {
  return (await deps.officers.count()) > 0;
}

/**
 * At start-up: while no officer exists, a new random setup token (the old one dies) stored as
 * its sha256 only. Returns the token to log once; never stores or returns it elsewhere.
 */
export async function issueSetupToken(
  deps: Omit<FirstAdminDeps, 'offices' | 'events'>,
): Promise<IssuedSetup> {
  if (await hasOfficers(deps)) {
    await deps.setupTokens.clear();
    return { kind: 'officers-exist' };
  }
  const now = deps.now();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SETUP_TOKEN_TTL_MS);
  const won = await deps.setupTokens.issue(
    { hash: sha256(token), issuedAt: now, expiresAt },
    new Date(now.getTime() - SETUP_ISSUE_WINDOW_MS),
  );
  return won ? { kind: 'issued', token, expiresAt } : { kind: 'issued-elsewhere' };
}

/** Whether no officer exists yet: the login page then says how to begin. */
export async function needsFirstAdmin(deps: Pick<FirstAdminDeps, 'officers'>): Promise<boolean> {
  return !(await hasOfficers(deps));
}

/** Whether `token` opens the setup page now (valid, unexpired, and still no officer). */
export async function checkSetupToken(
  deps: Pick<FirstAdminDeps, 'officers' | 'setupTokens' | 'now'>,
  token: string,
): Promise<boolean> {
  if (!token || !(await deps.setupTokens.isValid(sha256(token), deps.now()))) return false;
  return !(await hasOfficers(deps));
}

/** Field problems of the setup form, in Indonesian; empty when it may go ahead. */
async function setupFieldErrors(
  deps: FirstAdminDeps,
  input: FirstAdminInput,
): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  if (!/^[a-zA-Z0-9._-]{3,32}$/.test(input.username))
    fields.username = 'Gunakan 3-32 huruf, angka, titik, garis bawah atau tanda hubung.';
  if (!input.displayName.trim()) fields.displayName = 'Nama wajib diisi.';
  const weak = passwordWeakness(input.password);
  if (weak) fields.password = weak;
  else if (input.password.toLowerCase().includes(input.username.toLowerCase()) && input.username)
    fields.password = 'Kata sandi tidak boleh memuat nama pengguna / must not contain the username.';
  if (!input.officeId || !(await deps.offices.get(input.officeId)))
    fields.officeId = 'Pilih kantor dari daftar.';
  return fields;
}

/**
 * Creates the first admin with a setup token: checks the form, then consumes the token (of two
 * tabs exactly one gets past this), then creates the account (audited as `officer.created` by
 * the setup). A wrong, expired or used token is refused with one message ('unauthorized').
 */
export async function createFirstAdmin(
  deps: FirstAdminDeps,
  token: string,
  input: FirstAdminInput,
): Promise<PublicOfficer> {
  const gone = () => new OfficerActionError('unauthorized', SETUP_GONE_MESSAGE);
  if (!(await checkSetupToken(deps, token))) throw gone();
  const fields = await setupFieldErrors(deps, input);
  if (Object.keys(fields).length > 0)
    throw new OfficerActionError('invalid', 'Ada isian yang perlu diperbaiki (invalid input).', fields);
  const consumed = await deps.setupTokens.consume(sha256(token), deps.now());
  if (!consumed) throw gone();
  try {
    return await createOfficer(deps, { ...input, role: 'admin' }, { kind: 'system', id: 'first-run-setup' });
  } catch (err) {
    // The link stays usable when the account could not be made (a database hiccup).
    await deps.setupTokens.restore(consumed);
    throw err;
  }
}
