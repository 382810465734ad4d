import type { EventLog, NewEvent } from '../../ports/event-log.js';
import { actorOf, type OfficerActor } from './officer-actor.js';

/** What auditing an admin's change needs. */
export interface AdminAuditDeps {
  events: EventLog;
  now: () => Date;
}

/**
 * Audits a change an admin made to a list every office shares (agencies, holidays): the admin is
 * the actor and the event goes under the admin's own office, so the audit log of their area
 * lists it.
 */
export async function auditAdminChange(
  deps: AdminAuditDeps,
  admin: OfficerActor,
  event: Omit<NewEvent, 'officeId' | 'actor' | 'at'>,
): Promise<void> {
  await deps.events.append({ ...event, officeId: admin.officeId, actor: actorOf(admin), at: deps.now() });
}
