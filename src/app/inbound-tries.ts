import type { Channel } from '../domain/application.js';
import type { InboundAttemptLog } from '../ports/inbound-attempts.js';
import { OwedTakeBacks } from './owed-take-backs.js';

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

/** The tries on the attempt log; without one (tests of the queue alone) none is recorded. */
export function makeUnfinishedTries(log: InboundAttemptLog | undefined, now: () => Date): UnfinishedTries {
  // Take-backs the database refused (it went away mid-try): handed back with the next try.
  const owed = new OwedTakeBacks<string>();
  return {
    async begin(channel, id) {
      if (!log) return 0;
      try {
        const tries = await owed.handBack(id, (excused) => log.begin(channel, id, now(), excused));
        return Math.max(0, tries - 1);
      } catch {
        return 0;
      }
    },
    async end(channel, id, gone) {
      if (!log) return;
      if (gone) {
        owed.forget(id);
        await log.forget(channel, id).catch(() => undefined);
        return;
      }
      await log.excuse(channel, id).catch(() => owed.owe(id));
    },
  };
}
