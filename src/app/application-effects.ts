import type { ApplicationRepository, PendingEffect } from '../ports/application-repository.js';
import type { DocumentStore } from '../ports/document-store.js';
import type { EventLog } from '../ports/event-log.js';
import type { LeaseRepository } from '../ports/lease.js';
import type { Outbox } from '../ports/outbox.js';
import { runUnderLease } from './lease-run.js';

/** The lease that keeps two processes from reconciling the same follow-ups at once. */
export const EFFECTS_LEASE = 'job:application-effects';

/**
 * How old a follow-up must be before the reconciler takes it: the writer completes its own right
 * after its save, and the reconciler is for the writers that died or failed in between.
 */
export const EFFECT_GRACE_MS = 30_000;

const LEASE_TTL_MS = 45_000;
/** Applications looked at per round; the next round goes on. */
const BATCH = 100;

/** What completing an application's follow-ups needs. */
export interface EffectCompletionDeps {
  applications: ApplicationRepository;
  events: EventLog;
  /** Only for follow-ups with a notice (a citizen's own revision has none: the bot answers it). */
  outbox?: Outbox;
  documents: DocumentStore;
}

/**
 * Completes follow-ups an application write stored with itself (see `PendingEffect`): the audit
 * event (once, by its key), the notice (once, by its outbox key), the files it attached or dropped,
 * and only then removes it from the application. Every step is idempotent, so a run cut short by a
 * crash is simply run again; the first step that throws stops the rest, exactly as a crash would.
 */
export async function completeEffects(
  deps: EffectCompletionDeps,
  applicationId: string,
  effects: readonly PendingEffect[],
): Promise<void> {
  for (const effect of effects) {
    if (effect.audit) await deps.events.appendOnce(effect.id, effect.audit);
    if (effect.notice) {
      const { key, channel, chatId, text } = effect.notice;
      if (!deps.outbox) throw new Error(`no outbox for the notice of ${effect.id}`);
      await deps.outbox.enqueue([
        { key, channel, chatId, reply: { kind: 'text', text }, createdAt: effect.at },
      ]);
    }
    for (const id of effect.attachDocuments ?? []) await deps.documents.attach(id, applicationId);
    for (const id of effect.deleteDocuments ?? []) await deps.documents.delete(id);
    await deps.applications.completeEffect(applicationId, effect.id);
  }
}

/**
 * The writer's own completion right after its save. A failure here is not the caller's: the
 * change is saved, and the reconciler completes what is left, so the caller hears it succeeded.
 * Answers whether everything was done now.
 */
export async function completeEffectsNow(
  deps: EffectCompletionDeps,
  applicationId: string,
  effects: readonly PendingEffect[],
): Promise<boolean> {
  try {
    await completeEffects(deps, applicationId, effects);
    return true;
  } catch {
    return false;
  }
}

/** What the reconciler needs. */
export interface ReconcileEffectsDeps extends EffectCompletionDeps {
  outbox: Outbox;
  leases: LeaseRepository;
  /** This process (host:pid), the lease holder. */
  holder: string;
  now: () => Date;
  /** Defaults to EFFECT_GRACE_MS. */
  graceMs?: number;
}

/** What one reconciler run did. */
export interface ReconcileEffectsReport {
  /** False when another process held the lease. */
  ran: boolean;
  /** Follow-ups completed. */
  completed: number;
  /** Applications whose follow-ups failed again (tried next run; the others go on meanwhile). */
  failed: number;
}

/**
 * Completes the follow-ups left by writers that died (or failed) after saving an application:
 * those older than the grace. One process at a time, by lease; completing is idempotent anyway,
 * so a follow-up its writer is still finishing is at worst done twice, never logged twice.
 */
export async function reconcileEffects(deps: ReconcileEffectsDeps): Promise<ReconcileEffectsReport> {
  const report = await runUnderLease(deps, EFFECTS_LEASE, LEASE_TTL_MS, async (renew) => {
    const r: ReconcileEffectsReport = { ran: true, completed: 0, failed: 0 };
    const before = new Date(deps.now().getTime() - (deps.graceMs ?? EFFECT_GRACE_MS));
    for (const { applicationId, effects } of await deps.applications.listPendingEffects(before, BATCH)) {
      try {
        await completeEffects(deps, applicationId, effects);
        r.completed += effects.length;
      } catch {
        r.failed++;
      }
      if (!(await renew())) break;
    }
    return r;
  });
  return report ?? { ran: false, completed: 0, failed: 0 };
}
