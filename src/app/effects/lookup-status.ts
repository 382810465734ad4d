import type { AgencyWaitView, StatusProof, StatusView, SystemEvent } from '../../dialogue/types.js';
import { agencyWait } from '../../domain/agency.js';
import { DEFAULT_HOLIDAY_DATES } from '../../domain/holidays.js';
import { isFinal } from '../../domain/status.js';
import { closedDates } from '../calendar.js';
import type { Application, ApplicationStatus } from '../../domain/application.js';
import { parseTrackingNumber } from '../../domain/tracking-number.js';
import { isLate } from '../../domain/working-days.js';
import type { EffectContext, EffectDeps, EffectOf } from './effect-deps.js';
import { ownsApplication, PROOF_LIMIT, PROOF_WINDOW_MINUTES, proofMatches } from './status-proof.js';

/** Statuses in which the office owes the citizen nothing more: never shown as late. */
const NOT_LATE: readonly ApplicationStatus[] = ['COMPLETED', 'REJECTED', 'CANCELLED', 'READY_FOR_PICKUP'];

/** What the lookup needs: the applications, the prefix, and the wrong-answer counts. */
type LookupDeps = Pick<EffectDeps, 'applications' | 'trackingPrefix' | 'statusProofs'> &
  Partial<Pick<EffectDeps, 'holidays' | 'offices' | 'holidayStore' | 'agencyStore'>>;

/**
 * The citizen asked where an application stands: by tracking number, or without one, every
 * application of their chat. A number that is not the chat's own shows only "found" until the
 * chat gives the applicant's birth date or NIK's last 4 digits (rate-limited), so typing other
 * people's numbers reveals nothing. A mistyped number is answered with "did you mean" only when
 * the near miss is the chat's own. The engine words the answer.
 */
export async function lookupStatus(
  deps: LookupDeps,
  effect: EffectOf<'lookup_status'>,
  { msg }: EffectContext,
): Promise<SystemEvent[]> {
  const chat = { channel: msg.channel, chatId: msg.chatId };
  const query = effect.trackingNumber;
  if (!query) {
    const mine = await deps.applications.listByContact(chat);
    if (mine.length === 0) return [{ kind: 'status_not_found' }];
    const views = await Promise.all(mine.map((a) => statusView(deps, a, msg.at)));
    return [{ kind: 'status_found', applications: views }];
  }
  const parsed = parseTrackingNumber(query, deps.trackingPrefix);
  if (!parsed.ok) {
    for (const s of parsed.suggestions) {
      const near = await deps.applications.findByTrackingNumber(s);
      if (near && ownsApplication(near, chat)) return [{ kind: 'status_not_found', query, suggestion: s }];
    }
    return [{ kind: 'status_not_found', query }];
  }
  const app = await deps.applications.findByTrackingNumber(parsed.value);
  if (!app) return [{ kind: 'status_not_found', query: parsed.value }];
  if (ownsApplication(app, chat)) return [await found(deps, app, msg.at)];
  return checkProof(deps, app, effect.proof, { chat: `${chat.channel}:${chat.chatId}`, at: msg.at });
}

async function found(deps: LookupDeps, app: Application, at: Date): Promise<SystemEvent> {
  return { kind: 'status_found', applications: [await statusView(deps, app, at)] };
}

/**
 * Another chat's lookup: already over the limit, nothing is checked (else guessing would go on
 * regardless); no proof yet, "found" and the question; a right proof, the status; a wrong one is
 * counted against the chat and the number.
 */
async function checkProof(
  deps: LookupDeps,
  app: Application,
  proof: StatusProof | undefined,
  { chat, at }: { chat: string; at: Date },
): Promise<SystemEvent[]> {
  const trackingNumber = app.trackingNumber;
  const since = new Date(at.getTime() - PROOF_WINDOW_MINUTES * 60_000);
  const before = await deps.statusProofs.countWrong(chat, trackingNumber, since);
  const used = Math.max(before.byChat, before.byNumber);
  if (used >= PROOF_LIMIT) return [{ kind: 'status_proof_limited', retryMinutes: PROOF_WINDOW_MINUTES }];
  if (!proof) return [{ kind: 'status_needs_proof', trackingNumber }];
  if (proofMatches(app, proof, at)) return [await found(deps, app, at)];
  await deps.statusProofs.recordWrong({ chat, trackingNumber, at });
  const remaining = PROOF_LIMIT - used - 1;
  if (remaining <= 0) return [{ kind: 'status_proof_limited', retryMinutes: PROOF_WINDOW_MINUTES }];
  return [{ kind: 'status_proof_wrong', trackingNumber, remaining }];
}

/** What the citizen is told of one application: no personal data, the officer's note where they must act. */
async function statusView(deps: LookupDeps, app: Application, now: Date): Promise<StatusView> {
  const last = app.statusHistory.at(-1);
  const agency = await agencyView(deps, app, now);
  return {
    ...(agency ? { agency } : {}),
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

/**
 * The agency step the citizen is told of: the open one, or the last one answered while the
 * office still works on it (once the status moves on, the status itself says enough).
 */
async function agencyView(
  deps: LookupDeps,
  app: Application,
  now: Date,
): Promise<AgencyWaitView | undefined> {
  const step = app.agencySteps?.at(-1);
  if (!step || (step.answeredAt && !['SUBMITTED', 'IN_REVIEW'].includes(app.status))) return undefined;
  if (isFinal(app.status)) return undefined;
  const holidays = await closedDates(
    {
      holidays: deps.holidays ?? DEFAULT_HOLIDAY_DATES,
      ...(deps.offices ? { offices: deps.offices } : {}),
      ...(deps.holidayStore ? { holidayStore: deps.holidayStore } : {}),
    },
    app.officeId,
  );
  const wait = agencyWait(step, now, { holidays });
  // A name an admin changed in the console is the one the citizen reads.
  const agencyName = deps.agencyStore ? (await deps.agencyStore.get(step.agencyId))?.shortName : undefined;
  return {
    agencyId: step.agencyId,
    ...(agencyName ? { agencyName } : {}),
    since: step.forwardedAt.toISOString(),
    ...wait,
    ...(step.answeredAt ? { answeredAt: step.answeredAt.toISOString() } : {}),
  };
}
