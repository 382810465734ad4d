import type { HandleInbound, HandleResult, InboundMessage } from '../../app/inbound.js';
import type { Logger } from '../../config/logger.js';

/** What handing a message to the use case, with retries, needs. */
export interface AttemptDeps {
  handleInbound: HandleInbound;
  logger: Logger;
  /** Pauses before handling a failed or busy message again. */
  retryDelaysMs: number[];
}

/** How the last attempt ended: the use case's answer, or what it threw. */
export type LastAttempt = { result: HandleResult } | { failure: unknown };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An attempt that needs no other: the use case answered, and not with "busy". */
const settled = (a: LastAttempt) => 'result' in a && a.result.status !== 'busy';

/**
 * Hands the message to the use case, and again after each pause while it fails or is busy.
 * The message key id is the idempotency key and a failed attempt (a media download that broke)
 * was released by the use case, so trying again never handles a message twice. Only the last
 * attempt counts: the caller asks the citizen to resend when even that one did not settle.
 */
export async function attemptUntilSettled(deps: AttemptDeps, inbound: InboundMessage): Promise<LastAttempt> {
  let last = await attemptOnce(deps, inbound, 0);
  for (const [i, ms] of deps.retryDelaysMs.entries()) {
    if (settled(last)) break;
    await sleep(ms);
    last = await attemptOnce(deps, inbound, i + 1);
  }
  return last;
}

/** One call of the use case; a throw is logged and returned, for the retry loop to judge. */
async function attemptOnce(
  deps: AttemptDeps,
  inbound: InboundMessage,
  attempt: number,
): Promise<LastAttempt> {
  try {
    return { result: await deps.handleInbound(inbound) };
  } catch (failure) {
    deps.logger.warn(
      { err: failure, messageId: inbound.messageId, attempt },
      'whatsapp message not processed',
    );
    return { failure };
  }
}
