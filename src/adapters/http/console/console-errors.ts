import type { ErrorRequestHandler } from 'express';
import { OfficerActionError } from '../../../app/officer/errors.js';
import { t } from '../console-i18n.js';
import { langOf } from '../console-render.js';
import { DocumentIntegrityError } from '../../../ports/document-store.js';
import { bodyError, DAMAGED_FILE_TEXT, sendError, statusOf } from '../http-errors.js';
import type { ConsoleContext } from './context.js';
import { isLiveForm } from './live-form.js';

const CSRF_TEXT = 'Token keamanan formulir tidak valid; muat ulang halaman (invalid CSRF token).';
const SERVER_TEXT = 'Terjadi kesalahan di server (server error).';

/**
 * The console's last error handler: a refused action (not found, forbidden, conflict) becomes a
 * page with the reason on top; a stale CSRF token or an unreadable form a short text; anything
 * else is logged and answered 500 without details. A form live.js posted gets the same answers
 * as the API's JSON error shape, so the page shows them beside the form and stays as it is.
 */
export function consoleErrorHandler(ctx: ConsoleContext): ErrorRequestHandler {
  const { deps, render, sec } = ctx;
  return (err: unknown, req, res, _next) => {
    const live = isLiveForm(req);
    if (sec.isCsrfError(err)) {
      if (live) return sendError(res, 403, 'csrf', CSRF_TEXT);
      return res.status(403).type('text').send(CSRF_TEXT);
    }
    const body = bodyError(err);
    if (body) {
      const text =
        body.code === 'too_large'
          ? 'Isian formulir terlalu besar; persingkat teksnya (form too large).'
          : 'Formulir tidak terbaca; muat ulang halaman (unreadable form).';
      if (live) return sendError(res, body.status, body.code, text);
      return res.status(body.status).type('text').send(text);
    }
    if (err instanceof OfficerActionError) {
      if (live) return sendError(res, statusOf(err.code), err.code, err.message, err.fields);
      return render(req, res, t(langOf(req), 'title'), () => null, {
        status: statusOf(err.code),
        // The fields say what to fix: "Pilih hasil percakapan." beside "invalid input".
        flash: { kind: 'error', text: [err.message, ...Object.values(err.fields ?? {})].join(' ') },
      });
    }
    deps.logger.error({ err }, 'console request failed');
    const text = err instanceof DocumentIntegrityError ? DAMAGED_FILE_TEXT : SERVER_TEXT;
    if (live) return sendError(res, 500, 'server_error', text);
    res.status(500).type('text').send(text);
  };
}
