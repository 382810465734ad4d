import type { EventLog } from '../../ports/event-log.js';
import type { OfficeRepository } from '../../ports/office-repository.js';
import type { OfficerRepository } from '../../ports/officer-repository.js';
import { OfficerActionError } from './errors.js';
import { actorOf, type OfficerActor } from './officer-actor.js';
import { officesInScope } from './scope.js';

/** What the availability use cases need. */
export interface AvailabilityDeps {
  officers: OfficerRepository;
  offices: OfficeRepository;
  events: EventLog;
  now: () => Date;
}

/** The officer's own state and how many colleagues in their offices can take a conversation. */
export interface AvailabilityView {
  available: boolean;
  /** Active officers marked available in the officer's office subtree (the officer included). */
  availableInScope: number;
}

/**
 * An officer says they are at the counter (available) or away. The queue shows the count and
 * citizens queueing in counter hours hear honestly when nobody is there; the change is audited
 * like every other officer action, with the state before and after.
 */
export async function setAvailability(
  deps: AvailabilityDeps,
  officer: OfficerActor,
  available: boolean,
): Promise<AvailabilityView> {
  const before = await deps.officers.findById(officer.id);
  if (!before) throw new OfficerActionError('not_found', 'Akun petugas tidak ditemukan (officer not found).');
  const was = before.available === true;
  const after = await deps.officers.setAvailable(officer.id, available);
  if (!after) throw new OfficerActionError('not_found', 'Akun petugas tidak ditemukan (officer not found).');
  if (was !== available) {
    await deps.events.append({
      type: 'officer.availability_changed',
      actor: actorOf(officer),
      at: deps.now(),
      officeId: officer.officeId,
      before: { available: was },
      after: { available },
      data: { officerId: officer.id },
    });
  }
  return readAvailability(deps, officer);
}

/** The queue page's line: the officer's own state and the available count for their offices. */
export async function readAvailability(
  deps: Omit<AvailabilityDeps, 'events' | 'now'>,
  officer: OfficerActor,
): Promise<AvailabilityView> {
  const me = await deps.officers.findById(officer.id);
  const officeIds = await officesInScope(deps.offices, officer);
  return {
    available: me?.available === true,
    availableInScope: await deps.officers.countAvailable(officeIds),
  };
}
