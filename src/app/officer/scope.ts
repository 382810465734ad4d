import type { OfficeRepository } from '../../ports/office-repository.js';
import type { OfficerActor } from './officer-actor.js';
import { OfficerActionError } from './errors.js';

/**
 * Whether `officeId` is `scopeId` or below it. Kemendagri codes nest by prefix
 * (`31` > `31.71` > `31.71.01` > `31.71.01.1001`), so no tree walk is needed. A stand-in for
 * `isWithin` in src/domain/office.ts until that exists.
 */
export function isWithinOffice(officeId: string, scopeId: string): boolean {
  return officeId === scopeId || officeId.startsWith(`${scopeId}.`);
}

/** The officer's office and every office below it: the `officeIds` filter of lists. */
export async function officesInScope(offices: OfficeRepository, officer: OfficerActor): Promise<string[]> {
  if (officer.role === 'agency') throw agencyRefused();
  const all = await offices.all();
  const ids = all.map((o) => o.id).filter((id) => isWithinOffice(id, officer.officeId));
  return ids.includes(officer.officeId) ? ids : [officer.officeId, ...ids];
}

/**
 * Refuses an officer acting on an office outside their own subtree. An agency account has no
 * office to act for: it reaches applications only through its agency (agency-steps.ts).
 */
export function assertInScope(officer: OfficerActor, officeId: string | undefined): void {
  if (officer.role === 'agency') throw agencyRefused();
  if (officeId !== undefined && !isWithinOffice(officeId, officer.officeId)) {
    throw new OfficerActionError(
      'forbidden',
      'Data ini milik kantor lain, di luar wilayah Anda (outside your office).',
    );
  }
}

function agencyRefused(): OfficerActionError {
  return new OfficerActionError(
    'forbidden',
    'Akun instansi hanya melihat permohonan yang diteruskan ke instansinya (agency accounts see only what was forwarded to them).',
  );
}
