import { GraphError } from './graph.js';

/** Meta's code for a free-form message outside the 24-hour customer service window. */
export const WINDOW_CLOSED = 131047;

/**
 * Codes that mean the citizen cannot be reached at this number (not on WhatsApp, or the
 * recipient cannot be messaged): never retried.
 */
const UNREACHABLE = new Set([131026, 131021]);

/** Codes Meta documents as temporary: throttling, its own trouble. */
const TEMPORARY = new Set([4, 80007, 130429, 131000, 131016, 131048, 131056, 133004]);

/**
 * What a failed Graph call means for the outbound path: `retry` (429, 5xx, throttling codes,
 * the network), `unreachable` (no WhatsApp at the number), `failed` for every other 4xx,
 * including 131047: retrying a free-form message cannot reopen the window.
 */
export function classifyGraphError(err: unknown): 'unreachable' | 'retry' | 'failed' {
  if (!(err instanceof GraphError)) return 'retry';
  if (err.code !== undefined && UNREACHABLE.has(err.code)) return 'unreachable';
  if (err.code !== undefined && TEMPORARY.has(err.code)) return 'retry';
  if (err.status === 429 || err.status >= 500) return 'retry';
  return 'failed';
}

/** Whether a failed send was refused only because the 24-hour window is closed. */
export function isWindowClosed(err: unknown): boolean {
  return err instanceof GraphError && err.code === WINDOW_CLOSED;
}
