import { isDeepStrictEqual } from 'node:util';
import type { OpeningHours } from '../../domain/office.js';
import type { EventLog } from '../../ports/event-log.js';
import type { Office, OfficeRepository } from '../../ports/office-repository.js';
import { OfficerActionError, requireAdmin } from './errors.js';
import { actorOf, type OfficerActor } from './officer-actor.js';
import { isWithinOffice } from './scope.js';

/** What the office pages need. */
export interface ManageOfficesDeps {
  offices: OfficeRepository;
  events: EventLog;
  now: () => Date;
}

/** The fields an admin edits; the id, level and parent come from the area data and never change here. */
export interface OfficeEdit {
  name: string;
  /** Empty clears it. */
  address: string;
  /** Empty clears it. */
  phone: string;
  hours: OpeningHours;
  /** The services offered: a list, or 'all' (also those the catalog adds later); absent, unchanged. */
  services?: readonly string[] | 'all';
  /** Working days per service where they differ from the catalog; absent, unchanged. */
  sla?: Readonly<Record<string, number>>;
}

const EDITABLE = ['name', 'address', 'phone', 'hours', 'services', 'sla'] as const;

/**
 * The office an officer may look at: it exists and lies in their subtree. Supervisors read,
 * admins read and edit; an officer at the counter has no office pages.
 */
export async function officeInScope(
  deps: Pick<ManageOfficesDeps, 'offices'>,
  officer: OfficerActor,
  id: string,
): Promise<Office> {
  if (officer.role === 'officer') {
    throw new OfficerActionError(
      'forbidden',
      'Hanya supervisor dan admin yang melihat data kantor (not allowed).',
    );
  }
  const office = isWithinOffice(id, officer.officeId) ? await deps.offices.get(id) : undefined;
  if (!office) throw new OfficerActionError('not_found', 'Kantor tidak ditemukan (office not found).');
  return office;
}

/** The edited office: a blank address or phone, no SLA override, all services are left out rather than stored empty. */
function applied(office: Office, edit: OfficeEdit): Office {
  const next: Office = { ...office, name: edit.name, hours: edit.hours };
  delete next.address;
  delete next.phone;
  if (edit.address) next.address = edit.address;
  if (edit.phone) next.phone = edit.phone;
  if (edit.services === 'all') delete next.services;
  else if (edit.services) next.services = [...edit.services];
  if (edit.sla && Object.keys(edit.sla).length === 0) delete next.sla;
  else if (edit.sla) next.sla = { ...edit.sla };
  return next;
}

/** The fields that differ, as `before`/`after` of the audit event (absent values as null). */
export function changedFields(
  before: Office,
  after: Office,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const diff = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
  for (const key of EDITABLE) {
    if (isDeepStrictEqual(before[key], after[key])) continue;
    diff.before[key] = before[key] ?? null;
    diff.after[key] = after[key] ?? null;
  }
  return diff;
}

/**
 * An admin saves an office's name, address, phone and hours. Only admins of the office's
 * subtree may; every change is an `office.updated` audit event with the changed fields before
 * and after. Saving without a change writes nothing.
 */
export async function updateOffice(
  deps: ManageOfficesDeps,
  admin: OfficerActor,
  id: string,
  edit: OfficeEdit,
): Promise<Office> {
  requireAdmin(admin, 'mengubah data kantor');
  const office = await officeInScope(deps, admin, id);
  const next = applied(office, edit);
  const diff = changedFields(office, next);
  if (Object.keys(diff.after).length === 0) return office;
  if (!(await deps.offices.save(next))) {
    throw new OfficerActionError('not_found', 'Kantor tidak ditemukan (office not found).');
  }
  await deps.events.append({
    type: 'office.updated',
    officeId: office.id,
    actor: actorOf(admin),
    at: deps.now(),
    before: diff.before,
    after: diff.after,
  });
  return next;
}
