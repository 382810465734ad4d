import type { AuditEvent } from '../../ports/event-log.js';
import { CLOSE_RESOLUTIONS, type HandoffOutcome } from '../../ports/handoff-repository.js';

/** Every outcome the dashboard counts, in the order it lists them: the close choices, then hand-backs. */
export const HANDOFF_OUTCOMES: readonly HandoffOutcome[] = [...CLOSE_RESOLUTIONS, 'handed_back'];

/** The audit events that end a conversation with an outcome. */
export const OUTCOME_EVENT_TYPES = ['handoff.closed', 'handoff.handed_back'];

/**
 * Conversations ended in the window, per outcome, from the `resolution` their closing event
 * carries. Closes from before resolutions were asked for carry none and are not counted.
 */
export function countOutcomes(events: readonly AuditEvent[]): Record<HandoffOutcome, number> {
  const counts = Object.fromEntries(HANDOFF_OUTCOMES.map((o) => [o, 0])) as Record<HandoffOutcome, number>;
  for (const e of events) {
    if (!OUTCOME_EVENT_TYPES.includes(e.type)) continue;
    const r = e.data?.resolution;
    if (typeof r === 'string' && Object.hasOwn(counts, r)) counts[r as HandoffOutcome]++;
  }
  return counts;
}
