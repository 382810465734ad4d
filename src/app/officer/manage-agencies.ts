import { isDeepStrictEqual } from 'node:util';
import type { Agency } from '../../domain/agency.js';
import type { AgencyRepository } from '../../ports/agency-repository.js';
import type { EventLog } from '../../ports/event-log.js';
import { agencyDirectory, type AgencyDirectoryDeps } from '../agency-directory.js';
import { auditAdminChange } from './admin-audit.js';
import { OfficerActionError, requireAdmin, requireStore } from './errors.js';
import type { OfficerActor } from './officer-actor.js';

/** What the agencies page needs. */
export interface ManageAgenciesDeps extends AgencyDirectoryDeps {
  events: EventLog;
  now: () => Date;
}

/** The fields an admin edits; the id never changes (flows, steps and accounts name it). */
export interface AgencyEdit {
  name: string;
  shortName: string;
  /** Empty clears it. */
  contact: string;
  active: boolean;
}

/** A new agency as an admin types it. */
export interface NewAgency extends AgencyEdit {
  id: string;
}

const EDITABLE = ['name', 'shortName', 'contact', 'active'] as const;

function assertAdmin(officer: OfficerActor): void {
  requireAdmin(officer, 'mengelola instansi');
}

function store(deps: ManageAgenciesDeps): AgencyRepository {
  return requireStore(deps.agencyStore, 'Daftar instansi tidak tersedia.');
}

function notFound(): OfficerActionError {
  return new OfficerActionError('not_found', 'Instansi tidak ditemukan (agency not found).');
}

/** Every agency, active or not, for the admin's page. */
export async function listAgenciesForAdmin(deps: ManageAgenciesDeps, admin: OfficerActor): Promise<Agency[]> {
  assertAdmin(admin);
  return [...(await agencyDirectory(deps)).values()];
}

/** One agency for its edit page. */
export async function agencyForAdmin(
  deps: ManageAgenciesDeps,
  admin: OfficerActor,
  id: string,
): Promise<Agency> {
  assertAdmin(admin);
  const agency = (await agencyDirectory(deps)).get(id);
  if (!agency) throw notFound();
  return agency;
}

function applied(agency: Agency, edit: Partial<AgencyEdit>): Agency {
  const next: Agency = { ...agency, active: edit.active ?? agency.active !== false };
  if (edit.name !== undefined) next.name = edit.name;
  if (edit.shortName !== undefined) next.shortName = edit.shortName;
  if (edit.contact !== undefined) {
    delete next.contact;
    if (edit.contact) next.contact = edit.contact;
  }
  return next;
}

/** The fields that differ, as `before`/`after` of the audit event (absent values as null). */
function changedFields(before: Agency, after: Agency) {
  const diff = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
  const value = (a: Agency, key: (typeof EDITABLE)[number]) =>
    key === 'active' ? a.active !== false : (a[key] ?? null);
  for (const key of EDITABLE) {
    if (isDeepStrictEqual(value(before, key), value(after, key))) continue;
    diff.before[key] = value(before, key);
    diff.after[key] = value(after, key);
  }
  return diff;
}

/**
 * An admin adds an agency. Its id must be free in the stored list and in the catalog's;
 * audited as `agency.created`.
 */
export async function createAgency(
  deps: ManageAgenciesDeps,
  admin: OfficerActor,
  input: NewAgency,
): Promise<Agency> {
  assertAdmin(admin);
  const agency: Agency = {
    id: input.id,
    name: input.name,
    shortName: input.shortName,
    ...(input.contact ? { contact: input.contact } : {}),
    active: input.active,
  };
  const taken = (await agencyDirectory(deps)).has(agency.id) || !(await store(deps).create(agency));
  if (taken) {
    throw new OfficerActionError('conflict', 'Kode instansi sudah dipakai (agency id taken).', {
      id: 'Kode ini sudah dipakai instansi lain; pilih kode lain.',
    });
  }
  await auditAdminChange(deps, admin, {
    type: 'agency.created',
    data: { agencyId: agency.id },
    after: {
      name: agency.name,
      shortName: agency.shortName,
      contact: agency.contact ?? null,
      active: input.active,
    },
  });
  return agency;
}

/**
 * An admin edits an agency or (de)activates it. A deactivated agency takes no new forwards; its
 * open steps still show and are answered. Audited as `agency.updated` with the changed fields
 * before and after; saving without a change writes nothing.
 */
export async function updateAgency(
  deps: ManageAgenciesDeps,
  admin: OfficerActor,
  id: string,
  edit: Partial<AgencyEdit>,
): Promise<Agency> {
  const agency = await agencyForAdmin(deps, admin, id);
  const next = applied(agency, edit);
  const diff = changedFields(agency, next);
  if (Object.keys(diff.after).length === 0) return agency;
  // One listed only in the catalog (not seeded yet) is stored now, with the edit.
  if (!(await store(deps).save(next))) await store(deps).create(next);
  await auditAdminChange(deps, admin, {
    type: 'agency.updated',
    data: { agencyId: id },
    before: diff.before,
    after: diff.after,
  });
  return next;
}
