import type { ErrorRequestHandler } from 'express';
import { OfficerActionError } from '../../../app/officer/errors.js';
import { t } from '../console-i18n.js';
import { langOf } from '../console-render.js';
import { bodyError, statusOf } from '../http-errors.js';
import type { ConsoleContext } from './context.js';

/**
 * The console's last error handler: a refused action (not found, forbidden, conflict) becomes a
 * page with the reason on top; a stale CSRF token or an unreadable form a short text; anything
 * else is logged and answered 500 without details.
 */
export function consoleErrorHandler(ctx: ConsoleContext): ErrorRequestHandler {
  const { deps, render, sec } = ctx;
  return (err: unknown, req, res, _next) => {
    if (sec.isCsrfError(err)) {
      return res
        .status(403)
        .type('text')
        .send('Token keamanan formulir tidak valid; muat ulang halaman (invalid CSRF token).');
    }
    const body = bodyError(err);
    if (body) {
      const text =
        body.code === 'too_large'
          ? 'Isian formulir terlalu besar; persingkat teksnya (form too large).'
          : 'Formulir tidak terbaca; muat ulang halaman (unreadable form).';
      return res.status(body.status).type('text').send(text);
    }
    if (err instanceof OfficerActionError) {
      return render(req, res, t(langOf(req), 'title'), () => null, {
        status: statusOf(err.code),
        // The fields say what to fix: "Pilih hasil percakapan." beside "invalid input".
        flash: { kind: 'error', text: [err.message, ...Object.values(err.fields ?? {})].join(' ') },
      });
    }
    deps.logger.error({ err }, 'console request failed');
    res.status(500).type('text').send('Terjadi kesalahan di server (server error).');
  };
}
