import type { Channel } from '../../src/domain/application.js';
import type { InboundAttemptLog } from '../../src/ports/inbound-attempts.js';

/** The tries log in memory: the port's contract, for adapter tests without a database. */
export function memoryInboundAttempts(): InboundAttemptLog & { rows: Map<string, number> } {
  const rows = new Map<string, number>();
  const key = (channel: Channel, messageId: string) => `${channel}:${messageId}`;
  return {
    rows,
    begin: (channel, messageId, _now, excused = 0) => {
      const n = (rows.get(key(channel, messageId)) ?? 0) + 1 - excused;
      rows.set(key(channel, messageId), n);
      return Promise.resolve(n);
    },
    excuse: (channel, messageId) => {
      const n = rows.get(key(channel, messageId));
      if (n !== undefined && n > 0) rows.set(key(channel, messageId), n - 1);
      return Promise.resolve();
    },
    forget: (channel, messageId) => {
      rows.delete(key(channel, messageId));
      return Promise.resolve();
    },
    purgeBefore: () => Promise.resolve(0),
  };
}
