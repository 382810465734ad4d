import { DEFAULT_HOLIDAYS, type Holiday } from '../../domain/holidays.js';
import type { LocalHoliday } from '../../domain/office.js';
import type { HolidayRepository } from '../../ports/holiday-repository.js';
import { auditAdminChange } from './admin-audit.js';
import { OfficerActionError, requireAdmin, requireStore } from './errors.js';
import { officeInScope, type ManageOfficesDeps } from './manage-offices.js';
import { actorOf, type OfficerActor } from './officer-actor.js';

/** What the holiday pages need. */
export interface ManageHolidaysDeps extends ManageOfficesDeps {
  holidayStore?: HolidayRepository;
}

function assertAdmin(officer: OfficerActor): void {
  requireAdmin(officer, 'mengubah hari libur');
}

function store(deps: ManageHolidaysDeps): HolidayRepository {
  return requireStore(deps.holidayStore, 'Daftar hari libur tidak tersedia.');
}

/** The shipped national list and the admins' additions, for supervisors and admins to read. */
export async function listHolidays(
  deps: ManageHolidaysDeps,
  officer: OfficerActor,
): Promise<{ national: readonly Holiday[]; added: LocalHoliday[] }> {
  if (officer.role === 'officer') {
    throw new OfficerActionError(
      'forbidden',
      'Hanya supervisor dan admin yang melihat hari libur (not allowed).',
    );
  }
  return { national: DEFAULT_HOLIDAYS, added: deps.holidayStore ? await deps.holidayStore.list() : [] };
}

/** An admin closes every office on a day (a late cuti bersama, a national day the list lacks); audited. */
export async function addHoliday(
  deps: ManageHolidaysDeps,
  admin: OfficerActor,
  holiday: LocalHoliday,
): Promise<void> {
  assertAdmin(admin);
  if (!(await store(deps).add(holiday))) {
    throw new OfficerActionError('invalid', 'Tanggal itu sudah ada di daftar (already listed).', {
      date: 'Tanggal ini sudah menjadi hari libur.',
    });
  }
  await auditAdminChange(deps, admin, {
    type: 'holiday.added',
    after: { ...holiday },
  });
}

/** An admin removes one of the added holidays; the shipped list stays as it is. Audited. */
export async function removeHoliday(
  deps: ManageHolidaysDeps,
  admin: OfficerActor,
  date: string,
): Promise<void> {
  assertAdmin(admin);
  const removed = await store(deps).remove(date);
  if (!removed) throw new OfficerActionError('not_found', 'Hari libur tidak ditemukan (not found).');
  await auditAdminChange(deps, admin, {
    type: 'holiday.removed',
    before: { ...removed },
  });
}

/** Sets an office's local holidays and audits the list before and after. */
async function saveOfficeHolidays(
  deps: ManageHolidaysDeps,
  admin: OfficerActor,
  officeId: string,
  change: (current: readonly LocalHoliday[]) => LocalHoliday[],
): Promise<void> {
  assertAdmin(admin);
  const office = await officeInScope(deps, admin, officeId);
  const before = office.holidays ?? [];
  const after = change(before).sort((a, b) => a.date.localeCompare(b.date));
  await deps.offices.save({ ...office, holidays: after });
  await deps.events.append({
    type: 'office.updated',
    officeId: office.id,
    actor: actorOf(admin),
    at: deps.now(),
    before: { holidays: before },
    after: { holidays: after },
  });
}

/** An admin adds a local holiday (a town's anniversary) to an office and the offices below it. */
export async function addOfficeHoliday(
  deps: ManageHolidaysDeps,
  admin: OfficerActor,
  officeId: string,
  holiday: LocalHoliday,
): Promise<void> {
  await saveOfficeHolidays(deps, admin, officeId, (current) => {
    if (current.some((h) => h.date === holiday.date)) {
      throw new OfficerActionError('invalid', 'Tanggal itu sudah ada di daftar (already listed).', {
        date: 'Tanggal ini sudah menjadi hari libur kantor ini.',
      });
    }
    return [...current, holiday];
  });
}

/** An admin removes a local holiday from an office. */
export async function removeOfficeHoliday(
  deps: ManageHolidaysDeps,
  admin: OfficerActor,
  officeId: string,
  date: string,
): Promise<void> {
  await saveOfficeHolidays(deps, admin, officeId, (current) => {
    if (!current.some((h) => h.date === date)) {
      throw new OfficerActionError('not_found', 'Hari libur tidak ditemukan (not found).');
    }
    return current.filter((h) => h.date !== date);
  });
}
