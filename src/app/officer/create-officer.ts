import { isAgencyActive } from '../../domain/agency.js';
import type { Actor } from '../../domain/application.js';
import { DuplicateError } from '../../ports/errors.js';
import type { EventLog } from '../../ports/event-log.js';
import type { Officer, OfficerRepository, OfficerRole } from '../../ports/officer-repository.js';
import { agencyDirectory, type AgencyDirectoryDeps } from '../agency-directory.js';
import { OfficerActionError } from './errors.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.js';

/** What creating an account needs. */
export interface CreateOfficerDeps {
  officers: OfficerRepository;
  events: EventLog;
  now: () => Date;
}

/** A new console account as an admin (or the CLI) types it. */
export interface NewOfficerInput {
  username: string;
  displayName: string;
  password: string;
  role: OfficerRole;
  officeId: string;
  /** Required for role `agency`: the agency the account answers for. */
  agencyId?: string;
}

/** Kemendagri codes: province `31`, city `31.71`, district `31.71.01`, village `31.71.01.1001`. */
export const OFFICE_ID_PATTERN = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

/** An officer without its secrets: what lists and the API show. */
export type PublicOfficer = Omit<Officer, 'passwordHash'>;

/** Strips password hash and token hashes before an officer leaves the use cases. */
export function publicOfficer(o: Officer): PublicOfficer {
  const { passwordHash: _p, ...rest } = o;
  return rest;
}

/**
 * Creates a console account with an argon2id password hash, and audits who created it. The
 * password is never stored, logged or returned.
 */
export async function createOfficer(
  deps: CreateOfficerDeps,
  input: NewOfficerInput,
  by: Actor,
): Promise<PublicOfficer> {
  const fields: Record<string, string> = {};
  if (!/^[a-zA-Z0-9._-]{3,32}$/.test(input.username)) {
    fields.username = 'Gunakan 3-32 huruf, angka, titik, garis bawah atau tanda hubung.';
  }
  if (!input.displayName.trim()) fields.displayName = 'Nama wajib diisi.';
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    fields.password = `Kata sandi minimal ${MIN_PASSWORD_LENGTH} karakter.`;
  }
  if (!OFFICE_ID_PATTERN.test(input.officeId))
    fields.officeId = 'Kode wilayah tidak valid, contoh 31.71.01.1001.';
  if (input.role === 'agency' && !input.agencyId?.trim()) fields.agencyId = 'Pilih instansi akun ini.';
  // Only an agency account answers for an agency; on any other account it would mean nothing.
  if (input.role !== 'agency' && input.agencyId?.trim())
    fields.agencyId =
      'Instansi hanya diisi untuk peran "agency" (akun instansi); kosongkan untuk peran lain.';
  if (Object.keys(fields).length > 0) {
    throw new OfficerActionError('invalid', 'Data petugas belum benar (invalid officer data).', fields);
  }
  let officer: Officer;
  try {
    officer = await deps.officers.create({
      username: input.username,
      displayName: input.displayName.trim(),
      role: input.role,
      officeId: input.officeId,
      ...(input.role === 'agency' && input.agencyId ? { agencyId: input.agencyId.trim() } : {}),
      passwordHash: await hashPassword(input.password),
      active: true,
      failedLogins: 0,
    });
  } catch (err) {
    if (err instanceof DuplicateError) {
      throw new OfficerActionError('conflict', 'Nama pengguna sudah dipakai (username taken).', {
        username: 'Nama pengguna sudah dipakai.',
      });
    }
    throw err;
  }
  await deps.events.append({
    type: 'officer.created',
    actor: by,
    at: deps.now(),
    officeId: officer.officeId,
    after: { officerId: officer.id, username: officer.username, role: officer.role },
  });
  return publicOfficer(officer);
}

/**
 * An agency account must answer for an agency of this deployment that takes forwards: listed
 * (by admins, or in the catalog) and active. Checked where accounts are made (the console, the
 * API, `npm run officer:create`); other roles pass untouched (createOfficer refuses an agency on them).
 */
export async function assertAgencyListed(
  deps: AgencyDirectoryDeps,
  input: Pick<NewOfficerInput, 'role' | 'agencyId'>,
): Promise<void> {
  const id = input.agencyId?.trim();
  if (input.role !== 'agency' || !id) return;
  const agency = (await agencyDirectory(deps)).get(id);
  if (agency && isAgencyActive(agency)) return;
  throw new OfficerActionError(
    'invalid',
    agency
      ? 'Instansi ini sudah dinonaktifkan (agency deactivated).'
      : 'Instansi tidak dikenal (unknown agency).',
    { agencyId: 'Pilih instansi aktif dari daftar.' },
  );
}
