import type { Application } from '../../domain/application.js';
import type { ApplicationRepository } from '../../ports/application-repository.js';
import type { Outbox, OutboxItem } from '../../ports/outbox.js';
import type { PageResult } from '../../ports/page.js';
import { OfficerActionError } from './errors.js';
import type { OfficerActor } from './officer-actor.js';
import { isWithinOffice } from './scope.js';

/** What the deliveries page needs. */
export interface ListUndeliveredDeps {
  outbox: Outbox;
  applications: ApplicationRepository;
}

/** A notification that did not reach its citizen, with the application it was about. */
export interface UndeliveredNotice {
  item: OutboxItem;
  application?: Application;
}

/** Most undelivered rows read per request; older ones are beyond what staff can follow up anyway. */
const SCAN_LIMIT = 1000;
const BATCH = 200;

/** The application id in an outbox key `status:<applicationId>:<version>`, if it is one. */
export function applicationIdOfKey(key: string): string | undefined {
  return /^status:([0-9a-f]{24}):\d+$/i.exec(key)?.[1];
}

/** The outbox key prefix of one application's status notifications. */
export function statusKeyPrefix(applicationId: string): string {
  return `status:${applicationId}:`;
}

/**
 * Notifications that failed or whose citizen is unreachable (blocked the bot), newest first,
 * within the viewer's office subtree, so staff can phone or tell the citizen at the counter.
 * The outbox knows no office: each row is joined to its application in code (FerretDB has no
 * `$lookup`), over at most SCAN_LIMIT newest rows.
 */
export async function listUndelivered(
  deps: ListUndeliveredDeps,
  viewer: OfficerActor,
  q: { status?: 'failed' | 'unreachable'; limit: number; offset: number },
): Promise<PageResult<UndeliveredNotice>> {
  if (viewer.role === 'officer') {
    throw new OfficerActionError('forbidden', 'Halaman ini untuk supervisor dan admin (supervisors only).');
  }
  const rows: OutboxItem[] = [];
  for (let offset = 0; offset < SCAN_LIMIT; offset += BATCH) {
    const page = await deps.outbox.listUndelivered(q.status ? { statuses: [q.status] } : {}, {
      limit: BATCH,
      offset,
    });
    rows.push(...page.items);
    if (page.items.length < BATCH) break;
  }
  const apps = new Map<string, Application | undefined>();
  const visible: UndeliveredNotice[] = [];
  for (const item of rows) {
    const appId = applicationIdOfKey(item.key);
    if (appId && !apps.has(appId)) apps.set(appId, await deps.applications.findById(appId));
    const application = appId ? apps.get(appId) : undefined;
    // A row without an application (not a status notice) has no office: admins see it.
    if (application ? isWithinOffice(application.officeId, viewer.officeId) : viewer.role === 'admin') {
      visible.push(application ? { item, application } : { item });
    }
  }
  return { items: visible.slice(q.offset, q.offset + q.limit), total: visible.length };
}

/** The undelivered notifications of one application (the detail page shows "unreachable"). */
export async function undeliveredFor(outbox: Outbox, applicationId: string): Promise<OutboxItem[]> {
  return (await outbox.listUndelivered({ keyPrefix: statusKeyPrefix(applicationId) }, { limit: 50 })).items;
}
