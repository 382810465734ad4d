import type { StatusView, SystemEvent } from '../../dialogue/types.js';
import type { Application, ApplicationStatus } from '../../domain/application.js';
import { parseTrackingNumber } from '../../domain/tracking-number.js';
import { isLate } from '../../domain/working-days.js';
import type { EffectContext, EffectDeps, EffectOf } from './effect-deps.js';

/** Statuses in which the office owes the citizen nothing more: never shown as late. */
const NOT_LATE: readonly ApplicationStatus[] = ['COMPLETED', 'REJECTED', 'CANCELLED', 'READY_FOR_PICKUP'];

/**
 * The citizen asked where an application stands: by tracking number (with a suggestion when a
 * near miss of one exists, for a mistyped character), or without one, every application of
 * their chat. The engine words the answer.
 */
export async function lookupStatus(
  deps: Pick<EffectDeps, 'applications' | 'trackingPrefix'>,
  effect: EffectOf<'lookup_status'>,
  { msg }: EffectContext,
): Promise<SystemEvent[]> {
  const query = effect.trackingNumber;
  if (!query) {
    const mine = await deps.applications.listByContact({ channel: msg.channel, chatId: msg.chatId });
    if (mine.length === 0) return [{ kind: 'status_not_found' }];
    return [{ kind: 'status_found', applications: mine.map((a) => statusView(a, msg.at)) }];
  }
  const parsed = parseTrackingNumber(query, deps.trackingPrefix);
  if (parsed.ok) {
    const app = await deps.applications.findByTrackingNumber(parsed.value);
    if (app) return [{ kind: 'status_found', applications: [statusView(app, msg.at)] }];
    return [{ kind: 'status_not_found', query: parsed.value }];
  }
  for (const s of parsed.suggestions) {
    if (await deps.applications.findByTrackingNumber(s))
      return [{ kind: 'status_not_found', query, suggestion: s }];
  }
  return [{ kind: 'status_not_found', query }];
}

/** What the citizen is told of one application: no personal data, the officer's note where they must act. */
function statusView(app: Application, now: Date): StatusView {
  const last = app.statusHistory.at(-1);
  return {
    trackingNumber: app.trackingNumber,
    serviceId: app.serviceId,
    status: app.status,
    lastChangeAt: (last?.at ?? app.updatedAt).toISOString(),
    dueAt: app.slaDueAt.toISOString(),
    late: isLate(app.slaDueAt, now) && !NOT_LATE.includes(app.status),
    ...(app.status === 'REJECTED' && app.rejectionReason ? { note: app.rejectionReason } : {}),
    ...(app.status === 'NEEDS_REVISION' && app.revision ? { note: app.revision.note } : {}),
  };
}
