import type { StatusProof, StatusView, SystemEvent } from '../../dialogue/types.js';
import type { Application, ApplicationStatus } from '../../domain/application.js';
import { parseTrackingNumber } from '../../domain/tracking-number.js';
import { isLate } from '../../domain/working-days.js';
import type { EffectContext, EffectDeps, EffectOf } from './effect-deps.js';
import { ownsApplication, PROOF_LIMIT, PROOF_WINDOW_MINUTES, proofMatches } from './status-proof.js';

/** Statuses in which the office owes the citizen nothing more: never shown as late. */
const NOT_LATE: readonly ApplicationStatus[] = ['COMPLETED', 'REJECTED', 'CANCELLED', 'READY_FOR_PICKUP'];

/** What the lookup needs: the applications, the prefix, and the wrong-answer counts. */
type LookupDeps = Pick<EffectDeps, 'applications' | 'trackingPrefix' | 'statusProofs'>;

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
    return [{ kind: 'status_found', applications: mine.map((a) => statusView(a, msg.at)) }];
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
  if (ownsApplication(app, chat)) return [found(app, msg.at)];
  return checkProof(deps, app, effect.proof, { chat: `${chat.channel}:${chat.chatId}`, at: msg.at });
}

function found(app: Application, at: Date): SystemEvent {
  return { kind: 'status_found', applications: [statusView(app, at)] };
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
  if (proofMatches(app, proof, at)) return [found(app, at)];
  await deps.statusProofs.recordWrong({ chat, trackingNumber, at });
  const remaining = PROOF_LIMIT - used - 1;
  if (remaining <= 0) return [{ kind: 'status_proof_limited', retryMinutes: PROOF_WINDOW_MINUTES }];
  return [{ kind: 'status_proof_wrong', trackingNumber, remaining }];
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
