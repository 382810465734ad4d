import { createMongoRetentionStore } from '../adapters/mongo/mongo-retention-store.js';
import { RECONCILE_AT_START_MS, RECONCILE_WINDOW_MS, reconcileTurns } from '../app/outbound/turn-rows.js';
import { EFFECT_GRACE_MS, reconcileEffects } from '../app/application-effects.js';
import { notifyLongWaits } from '../app/officer/notify-long-waits.js';
import { noticeOverdue } from '../app/officer/notice-overdue.js';
import { noticeAgencyOverdue } from '../app/officer/notice-agency-overdue.js';
import { runRetention } from '../app/officer/retention.js';
import { eraseClosedHandoffs } from '../app/officer/retention-handoffs.js';
import { purgeOutbox } from '../app/officer/retention-outbox.js';
import { forgetIdleConversations } from '../app/officer/retention-conversations.js';
import { sweepDiscardedUploads, sweepOrphanUploads } from '../app/orphan-uploads.js';
import { expireDrafts } from '../app/draft-expiry.js';
import { startPeriodic, type PeriodicJob } from '../app/periodic.js';
import { queueOffice, type Loket } from './loket.js';

/** Several jobs stopped together. */
function allOf(jobs: PeriodicJob[]): PeriodicJob {
  return {
    async stop() {
      await Promise.all(jobs.map((j) => j.stop()));
    },
  };
}

/** Every `minutes` (the first run within a minute of start-up); a failed run is logged. */
function every<R>(
  loket: Loket,
  minutes: number,
  name: string,
  run: () => Promise<R>,
  done: (report: R) => void,
): PeriodicJob {
  return startPeriodic(() => run().then(done), {
    intervalMs: minutes * 60_000,
    firstDelayMs: Math.min(minutes * 60_000, 60_000),
    onError: (err) => loket.logger.error({ err }, `${name} failed`),
  });
}

/**
 * Retention erases documents and personal data of finished applications and of closed handoffs,
 * and forgets idle conversations (RETENTION_DAYS), and deletes settled outbox rows and dead
 * letters (OUTBOX_DAYS): one after the other, each under its own lease.
 */
function startRetention(loket: Loket): PeriodicJob {
  const { config, logger, repos, runtime } = loket;
  const { leases, holder, now } = runtime;
  const retention = createMongoRetentionStore(loket.conn, repos.cipher);
  const retentionDays = config.RETENTION_DAYS;
  const run = async () => ({
    applications: await runRetention({
      ...repos,
      retention,
      leases,
      flows: loket.catalog.flows,
      retentionDays,
      holder,
      now,
    }),
    handoffs: await eraseClosedHandoffs({ ...repos, retention, leases, retentionDays, holder, now }),
    outbox: await purgeOutbox({ retention, leases, outboxDays: config.OUTBOX_DAYS, holder, now }),
    conversations: await forgetIdleConversations({ ...repos, retention, leases, retentionDays, holder, now }),
  });
  return every(loket, config.RETENTION_INTERVAL_MINUTES, 'retention run', run, (r) => {
    const { applications: a, handoffs: h, outbox: o, conversations: c } = r;
    if (a.erased + a.skipped + h.erased + o.deleted + o.deadLetters + c.forgotten > 0)
      logger.info({ retention: r }, 'retention: personal data erased');
  });
}

/** The orphan-upload sweep (ORPHAN_UPLOAD_DAYS) deletes uploads of abandoned drafts, never one still in a draft. */
function startOrphanUploadSweep(loket: Loket): PeriodicJob {
  const { config, logger, repos, runtime } = loket;
  const { leases, holder, now } = runtime;
  const run = () =>
    sweepOrphanUploads({ ...repos, leases, orphanDays: config.ORPHAN_UPLOAD_DAYS, holder, now });
  return every(loket, config.RETENTION_INTERVAL_MINUTES, 'orphan-upload sweep', run, (r) => {
    if (r.deleted + r.attached + r.deadContents > 0)
      logger.info({ orphanUploads: r }, 'orphan uploads swept');
  });
}

/** The draft expiry (DRAFT_DAYS) reminds citizens of untouched drafts once, then removes them. */
function startDraftExpiry(loket: Loket): PeriodicJob {
  const { config, logger, repos, runtime } = loket;
  const { leases, holder, now } = runtime;
  const retention = createMongoRetentionStore(loket.conn, repos.cipher);
  const run = () =>
    expireDrafts({
      retention,
      conversations: repos.conversations,
      push: loket.push,
      draftDays: config.DRAFT_DAYS,
      leases,
      holder,
      now,
    });
  return every(loket, config.RETENTION_INTERVAL_MINUTES, 'draft expiry', run, (r) => {
    if (r.reminded > 0 || r.removed > 0)
      logger.info({ drafts: r }, 'drafts: untouched ones reminded or removed');
  });
}

/** The SLA check (SLA_CHECK_MINUTES) records and tells citizens of applications past their due date. */
function startSlaCheck(loket: Loket): PeriodicJob {
  const { config, logger, repos, runtime } = loket;
  const { leases, holder, now } = runtime;
  // Agency steps are checked by the process that ran the check; their keys make a second run harmless.
  const run = async () => {
    const r = await noticeOverdue({ ...repos, leases, holder, now });
    const agencySteps = r.ran ? await noticeAgencyOverdue({ ...repos, catalog: loket.catalog, now }) : 0;
    return { ...r, agencySteps };
  };
  return every(loket, config.SLA_CHECK_MINUTES, 'SLA check', run, (r) => {
    if (r.noticed > 0) logger.info({ sla: r }, 'SLA check: applications past their due date recorded');
    if (r.agencySteps > 0) logger.info({ sla: r }, 'SLA check: agency steps past their SLA recorded');
  });
}

/**
 * The follow-up reconciler completes the audit events, notices and file clean-ups that a write
 * saved with an application but did not finish (a crash, a failed write right after the save);
 * in the same beat the discard sweep deletes uploads drafts let go of once that state is saved.
 */
function startEffectReconciler(loket: Loket): PeriodicJob {
  const { logger, repos, runtime } = loket;
  const { leases, holder, now } = runtime;
  return startPeriodic(
    async () => {
      const r = await reconcileEffects({ ...repos, leases, holder, now });
      if (r.completed > 0) logger.info({ effects: r }, 'application follow-ups completed after a crash');
      if (r.failed > 0) logger.warn({ effects: r }, 'application follow-ups failed; tried again next run');
      const d = await sweepDiscardedUploads({ ...repos, leases, holder, now });
      if (d.deleted > 0) logger.debug({ discarded: d }, 'discarded uploads deleted');
    },
    {
      intervalMs: EFFECT_GRACE_MS,
      // Soon after a start: a restart is when a crashed writer's follow-ups are waiting.
      firstDelayMs: 5_000,
      onError: (err) => logger.error({ err }, 'application follow-up reconciler failed'),
    },
  );
}

/**
 * The jobs one process at a time must run, each under its lease (every server process starts
 * them): one small starter per job, so a new job is one more function and one more list entry.
 */
export function startLeasedJobs(loket: Loket): PeriodicJob {
  return allOf([
    startRetention(loket),
    startOrphanUploadSweep(loket),
    startDraftExpiry(loket),
    startSlaCheck(loket),
    startEffectReconciler(loket),
  ]);
}

/**
 * Citizens waiting long for an officer hear that they are still queued (once per ticket, by an
 * atomic mark, so every process may run it).
 */
export function startLongWaitNotices(loket: Loket): PeriodicJob {
  const { config, logger, runtime } = loket;
  return startPeriodic(
    async () => {
      const told = await notifyLongWaits({
        handoffs: loket.repos.handoffs,
        push: loket.push,
        now: runtime.now,
        holidays: runtime.holidays,
        holidayStore: loket.repos.holidayStore,
        offices: loket.repos.offices,
        ...queueOffice(config),
        waitMs: config.HANDOFF_WAIT_NOTICE_MINUTES * 60_000,
      });
      if (told > 0) logger.info({ told }, 'queue: citizens told they are still waiting');
    },
    { intervalMs: 60_000, onError: (err) => logger.error({ err }, 'long-wait check failed') },
  );
}

/**
 * The outbound worker: sends every chat with something due through the senders registered in
 * this process (a lane lease per chat, so several processes may run it), and every few minutes
 * (and at once) records the messages of turns saved but not recorded before a crash.
 */
export function startNotifications(loket: Loket): PeriodicJob {
  const { config, logger, runtime } = loket;
  const pass = startPeriodic(
    async () => {
      await loket.outbound.pass();
    },
    {
      intervalMs: config.OUTBOX_INTERVAL_MS,
      onError: (err) => logger.error({ err }, 'outbound worker pass failed'),
    },
  );
  let started = false;
  const reconcile = startPeriodic(
    async () => {
      const window = started ? RECONCILE_WINDOW_MS : RECONCILE_AT_START_MS;
      started = true;
      const created = await reconcileTurns(
        { conversations: loket.repos.conversations, outbound: loket.outbound, now: runtime.now },
        window,
      );
      if (created > 0) logger.warn({ created }, 'outbound: replies of saved turns recorded after a failure');
    },
    {
      intervalMs: RECONCILE_EVERY_MS,
      firstDelayMs: 0,
      onError: (err) => logger.error({ err }, 'outbound reconciliation failed'),
    },
  );
  return {
    async stop() {
      await Promise.all([pass.stop(), reconcile.stop()]);
    },
  };
}

/** Well within RECONCILE_WINDOW_MS, so every turn is looked at several times. */
const RECONCILE_EVERY_MS = 5 * 60_000;
