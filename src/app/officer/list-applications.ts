import type { Application, ApplicationStatus } from '../../domain/application.js';
import type { ApplicationFilter, ApplicationRepository } from '../../ports/application-repository.js';
import type { OfficeRepository } from '../../ports/office-repository.js';
import type { PageResult } from '../../ports/page.js';
import type { OfficerActor } from './officer-actor.js';
import { isWithinOffice, officesInScope } from './scope.js';

/** What the application list needs. */
export interface ListApplicationsDeps {
  applications: ApplicationRepository;
  offices: OfficeRepository;
  now: () => Date;
}

/** The console's list filters, as typed in the filter bar. */
export interface ApplicationQuery {
  serviceId?: string;
  status?: ApplicationStatus;
  /** One office within the officer's subtree (and below it); outside it the list is empty. */
  officeId?: string;
  overdue?: boolean;
  from?: Date;
  to?: Date;
  /** Part of a tracking number or an applicant's name. */
  search?: string;
  limit: number;
  offset: number;
}

/** Lists the applications an officer may see (their office and below), newest first. */
export async function listApplications(
  deps: ListApplicationsDeps,
  officer: OfficerActor,
  q: ApplicationQuery,
): Promise<PageResult<Application>> {
  const scope = q.officeId ?? officer.officeId;
  if (!isWithinOffice(scope, officer.officeId)) return { items: [], total: 0 };
  const officeIds = await officesInScope(deps.offices, { ...officer, officeId: scope });
  const filter: ApplicationFilter = { officeIds };
  if (q.serviceId) filter.serviceId = q.serviceId;
  if (q.status) filter.status = q.status;
  if (q.overdue) filter.overdueAt = deps.now();
  if (q.from) filter.from = q.from;
  if (q.to) filter.to = q.to;
  if (q.search?.trim()) filter.text = q.search.trim();
  return deps.applications.list(filter, { limit: q.limit, offset: q.offset });
}
