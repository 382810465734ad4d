import type { ApiTokenStore } from '../../ports/api-token-store.js';
import type { EventLog } from '../../ports/event-log.js';
import type { Office, OfficeRepository } from '../../ports/office-repository.js';
import type { Officer, OfficerRepository } from '../../ports/officer-repository.js';
import { issueApiToken, revokeApiTokens } from './api-tokens.js';
import type { AgencyDirectoryDeps } from '../agency-directory.js';
import {
  assertAgencyListed,
  createOfficer,
  publicOfficer,
  type NewOfficerInput,
  type PublicOfficer,
} from './create-officer.js';
import { OfficerActionError, requireAdmin } from './errors.js';
import { actorOf, type OfficerActor } from './officer-actor.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.js';
import { isWithinOffice } from './scope.js';

/** What the admin pages need; the agencies, for agency accounts. */
export interface ManageOfficersDeps extends AgencyDirectoryDeps {
  officers: OfficerRepository;
  offices: OfficeRepository;
  events: EventLog;
  now: () => Date;
  /** The API tokens (issue, revoke). */
  apiTokens: ApiTokenStore;
  /** API_TOKEN_DAYS; 90 when absent. */
  apiTokenDays?: number;
}

/** An account as the admin list shows it: no secrets, only how many API tokens it holds. */
export type OfficerListing = PublicOfficer & { apiTokens: number };

function assertAdmin(admin: OfficerActor): void {
  requireAdmin(admin, 'mengelola akun');
}

/** The account an admin may manage: it exists and belongs to the admin's office subtree. */
async function managed(deps: ManageOfficersDeps, admin: OfficerActor, id: string): Promise<Officer> {
  assertAdmin(admin);
  const officer = await deps.officers.findById(id);
  if (!officer) throw new OfficerActionError('not_found', 'Petugas tidak ditemukan (officer not found).');
  if (!isWithinOffice(officer.officeId, admin.officeId)) {
    throw new OfficerActionError('forbidden', 'Petugas ini di luar wilayah Anda (outside your office).');
  }
  return officer;
}

/** Counts the tokens that still work: expired and revoked rows stay in the store for the record. */
async function listing(deps: ManageOfficersDeps, o: Officer): Promise<OfficerListing> {
  const now = deps.now();
  const rows = await deps.apiTokens.listByOfficer(o.id);
  const live = rows.filter((t) => !t.revokedAt && t.expiresAt > now).length;
  return { ...publicOfficer(o), apiTokens: live };
}

/** Every account in the admin's office subtree, by username. */
export async function listOfficers(deps: ManageOfficersDeps, admin: OfficerActor): Promise<OfficerListing[]> {
  assertAdmin(admin);
  const all = await deps.officers.list();
  return Promise.all(
    all.filter((o) => isWithinOffice(o.officeId, admin.officeId)).map((o) => listing(deps, o)),
  );
}

/**
 * Disables or re-enables an account. A disabled officer cannot log in, their open sessions stop
 * working on the next request and their API tokens are refused. An admin cannot disable themself
 * (someone must be left to undo it).
 */
export async function setOfficerActive(
  deps: ManageOfficersDeps,
  admin: OfficerActor,
  id: string,
  active: boolean,
): Promise<OfficerListing> {
  const officer = await managed(deps, admin, id);
  if (!active && officer.id === admin.id) {
    throw new OfficerActionError(
      'conflict',
      'Anda tidak dapat menonaktifkan akun sendiri (cannot disable yourself).',
    );
  }
  const next: Officer = { ...officer, active };
  if (active) {
    next.failedLogins = 0;
    delete next.lockedUntil;
  }
  const saved = await deps.officers.update(next);
  if (!saved) throw new OfficerActionError('not_found', 'Petugas tidak ditemukan (officer not found).');
  await deps.events.append({
    type: active ? 'officer.enabled' : 'officer.disabled',
    actor: actorOf(admin),
    at: deps.now(),
    officeId: officer.officeId,
    before: { officerId: officer.id, active: officer.active },
    after: { officerId: officer.id, active: saved.active },
  });
  return listing(deps, saved);
}

/**
 * Sets a new password (argon2id) for an officer who forgot theirs, and lifts a lock-out. The
 * password is never stored, logged or put in the audit event.
 */
export async function resetOfficerPassword(
  deps: ManageOfficersDeps,
  admin: OfficerActor,
  id: string,
  password: string,
): Promise<OfficerListing> {
  const officer = await managed(deps, admin, id);
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 200) {
    throw new OfficerActionError('invalid', 'Kata sandi belum memenuhi syarat (invalid password).', {
      password: `Kata sandi minimal ${MIN_PASSWORD_LENGTH} karakter.`,
    });
  }
  const next: Officer = { ...officer, passwordHash: await hashPassword(password), failedLogins: 0 };
  delete next.lockedUntil;
  const saved = await deps.officers.update(next);
  if (!saved) throw new OfficerActionError('not_found', 'Petugas tidak ditemukan (officer not found).');
  await deps.events.append({
    type: 'officer.password_reset',
    actor: actorOf(admin),
    at: deps.now(),
    officeId: officer.officeId,
    before: { officerId: officer.id, locked: officer.lockedUntil !== undefined },
    after: { officerId: officer.id, locked: false },
  });
  return listing(deps, saved);
}

/** Issues an API token for an officer on an admin's request; shown once. */
export async function issueTokenFor(
  deps: ManageOfficersDeps,
  admin: OfficerActor,
  id: string,
): Promise<string> {
  const officer = await managed(deps, admin, id);
  return issueApiToken(deps, officer, admin);
}

/** Revokes all of an officer's API tokens on an admin's request; returns how many. */
export async function revokeTokensFor(
  deps: ManageOfficersDeps,
  admin: OfficerActor,
  id: string,
): Promise<number> {
  const officer = await managed(deps, admin, id);
  return revokeApiTokens(deps, officer, admin);
}

/** The offices in the admin's subtree (read-only: they come from the area data import), by id. */
export async function listOffices(
  deps: Pick<ManageOfficersDeps, 'offices'>,
  admin: OfficerActor,
  opts: { search?: string; limit: number; offset: number },
): Promise<{ items: Office[]; total: number }> {
  assertAdmin(admin);
  const text = opts.search?.trim().toLowerCase();
  const all = (await deps.offices.all())
    .filter((o) => isWithinOffice(o.id, admin.officeId))
    .filter((o) => !text || o.name.toLowerCase().includes(text) || o.id.startsWith(text))
    .sort((a, b) => a.id.localeCompare(b.id));
  return { items: all.slice(opts.offset, opts.offset + opts.limit), total: all.length };
}

/** Creates an account in the admin's office subtree (argon2id via createOfficer, audited there). */
export async function createManagedOfficer(
  deps: ManageOfficersDeps,
  admin: OfficerActor,
  input: NewOfficerInput,
): Promise<PublicOfficer> {
  assertAdmin(admin);
  if (!isWithinOffice(input.officeId, admin.officeId)) {
    throw new OfficerActionError(
      'forbidden',
      'Kantor petugas baru harus di wilayah Anda (outside your office).',
      {
        officeId: 'Pilih kantor di wilayah Anda.',
      },
    );
  }
  await assertAgencyListed(deps, input);
  return createOfficer(deps, input, actorOf(admin));
}
