import type { Request, Response } from 'express';
import { t } from '../console-i18n.js';
import { langOf } from '../console-render.js';

/** The header live.js sets on a form it posts in the background. */
export const LIVE_HEADER = 'X-Loket-Live';

/**
 * Whether a console form came from live.js (in the background, the page staying as it is) rather
 * than from the browser itself (no script: the answer must be a page to go to).
 */
export function isLiveForm(req: Request): boolean {
  return req.get(LIVE_HEADER) === '1';
}

/** How a form's action ended, for both kinds of sender. */
export interface FormOutcome {
  /** Where a plain form goes next (a redirect, so a reload never posts twice). */
  location: string;
  /**
   * Whether the page the form is on goes on (a reply, a note, a file) or is done with (closed,
   * handed back, transferred): live.js then navigates to `location`.
   */
  stay: boolean;
  /** A line for the form's status area, when there is something to say beyond the stream. */
  message?: string;
}

/**
 * Answers a console form: a plain post is redirected; a live post gets JSON, `{ message }` when
 * the page stays (the event stream shows the new line) or `{ next }` when it is done with.
 */
export function answerForm(req: Request, res: Response, o: FormOutcome): void {
  if (!isLiveForm(req)) {
    res.redirect(303, o.location);
    return;
  }
  res.json(
    o.stay ? { ok: true, ...(o.message ? { message: o.message } : {}) } : { ok: true, next: o.location },
  );
}

/**
 * After a message to the citizen (a reply, a file, a retry): the conversation again, saying so
 * when the channel did not take it (the line's delivery state shows it too).
 */
export function undeliveredOutcome(
  req: Request,
  r: { ticket: { id: string }; notified: boolean },
): FormOutcome {
  const base = `/console/handoffs/${r.ticket.id}`;
  return r.notified
    ? { location: base, stay: true }
    : { location: `${base}?flash=undelivered`, stay: true, message: t(langOf(req), 'notDelivered') };
}
