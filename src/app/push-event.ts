import type { Logger } from '../config/logger.js';
import type { SystemEvent } from '../dialogue/types.js';
import type { ChatAddress } from '../domain/application.js';
import type { InboundMessage } from './inbound.js';
import type { Outbox, OutboxOrigin } from '../ports/outbox.js';
import { NotDeliveredError, type PushOptions } from './officer/push-conversation-event.js';
import type { Outbound } from './outbound/outbound.js';
import { makeRunTurn, withConflictRetry, type TurnDeps } from './run-turn.js';

/** What pushing an officer-side event into a conversation needs. */
export interface PushDeps extends TurnDeps {
  outbound: Outbound;
  outbox: Pick<Outbox, 'get'>;
  logger: Logger;
}

/**
 * Runs an event from the officer side (officer joined, officer message, handoff closed, revision
 * requested) through the citizen's conversation and saves the new state with the replies, which
 * then go out on the one outbound path. Resolves once they were tried; throws NotDeliveredError
 * when the last of them did not get through on that try (it is still retried, and `origin`, when
 * given, hears the final outcome), so an officer sees at once that the citizen has not read it.
 */
export function makePushConversationEvent(
  deps: PushDeps,
): (address: ChatAddress, event: SystemEvent, options?: PushOptions) => Promise<void> {
  const runTurn = makeRunTurn(deps);
  let seq = 0;
  return async function push(address, event, options) {
    const at = (deps.now ?? (() => new Date()))();
    const msg: InboundMessage = {
      ...address,
      // Effects key idempotency on the message id; a pushed event is never redelivered.
      messageId: options?.messageId ?? `push:${at.getTime()}:${process.pid}:${++seq}`,
      at,
      content: { kind: 'command', command: 'menu' },
    };
    const origin: OutboxOrigin | undefined = options?.origin;
    const { rows } = await withConflictRetry(() =>
      runTurn(msg, { ...event, at: at.toISOString() }, undefined, origin),
    );
    const last = rows.at(-1);
    if (!last) return;
    await deps.outbound.deliver(rows);
    const row = await deps.outbox.get(last.key);
    if (row?.status === 'sent') return;
    const reason =
      row?.status === 'unreachable' ? 'unreachable' : row?.status === 'failed' ? 'failed' : 'retry';
    deps.logger.warn({ channel: address.channel, reason }, 'push not delivered yet');
    throw new NotDeliveredError(reason, row?.lastError ?? 'not sent yet');
  };
}
