import type { Channel } from '../domain/application.js';
import type { InboundAttemptLog } from '../ports/inbound-attempts.js';

/**
 * Tries at stored webhook items that never finished. A failure that returns is counted by the
 * queue itself (`QueuedInbound.attempts`); a try that crashes or hangs the process returns
 * nothing, so each try is recorded before it runs and taken back once it ends, whatever its
 * outcome: what is left are the tries that never ended.
 */
export interface UnfinishedTries {
  /** Records this try; answers how many earlier ones never finished (0 when the database refused). */
  begin(channel: Channel, id: string): Promise<number>;
  /** This try ended; `gone`: the item left the queue (handled or parked), so its record goes too. */
  end(channel: Channel, id: string, gone: boolean): Promise<void>;
}

/** Items whose take-backs wait for their next try; a queue's failing items are few. */
const OWED_KEPT = 1000;

/** The tries on the attempt log; without one (tests of the queue alone) none is recorded. */
export function makeUnfinishedTries(log: InboundAttemptLog | undefined, now: () => Date): UnfinishedTries {
  // Take-backs the database refused (it went away mid-try): handed back with the next try.
  const owed = new Map<string, number>();
  return {
    async begin(channel, id) {
      if (!log) return 0;
      const excused = owed.get(id) ?? 0;
      try {
        const tries = await log.begin(channel, id, now(), excused);
        const left = (owed.get(id) ?? 0) - excused;
        if (left > 0) owed.set(id, left);
        else owed.delete(id);
        return Math.max(0, tries - 1);
      } catch {
        return 0;
      }
    },
    async end(channel, id, gone) {
      if (!log) return;
      if (gone) {
        owed.delete(id);
        await log.forget(channel, id).catch(() => undefined);
        return;
      }
      await log.excuse(channel, id).catch(() => {
        const n = (owed.get(id) ?? 0) + 1;
        owed.delete(id);
        owed.set(id, n);
        if (owed.size > OWED_KEPT) {
          const oldest = owed.keys().next().value;
          if (oldest !== undefined) owed.delete(oldest);
        }
      });
    },
  };
}
