import type { Application } from '../../domain/application.js';
import type { ApplicationRepository } from '../../ports/application-repository.js';
import type { AuditEvent, EventLog } from '../../ports/event-log.js';
import { OfficerActionError } from './errors.js';
import type { OfficerActor } from './officer-actor.js';
import { assertInScope } from './scope.js';

/** What the detail view needs. */
export interface GetApplicationDeps {
  applications: ApplicationRepository;
  events: EventLog;
}

/** One application with its full history (events, oldest first). */
export interface ApplicationDetail {
  application: Application;
  history: AuditEvent[];
}

/** Loads an application the officer may see, with its audit trail. */
export async function getApplication(
  deps: GetApplicationDeps,
  officer: OfficerActor,
  id: string,
): Promise<ApplicationDetail> {
  const application = await deps.applications.findById(id);
  if (!application)
    throw new OfficerActionError('not_found', 'Permohonan tidak ditemukan (application not found).');
  assertInScope(officer, application.officeId);
  return { application, history: await deps.events.listForApplication(id) };
}
