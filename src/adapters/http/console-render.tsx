import type { Request, Response } from 'express';
import { OfficerActionError } from '../../app/officer/errors.js';
import type { ConsoleLang } from './console-i18n.js';
import type { OfficerHttpDeps } from './officer-http-deps.js';
import { currentOfficer, officerSecurity } from './security.js';
import { Frame } from './views/frame.js';
import { renderDocument, type Html } from './views/html.js';
import { whatsAppBanner } from './whatsapp-banner.js';

/** The officer's console language (set by `?lang=` in the console router). */
export function langOf(req: Request): ConsoleLang {
  return req.session?.lang ?? 'id';
}

/** Options of one rendered page. */
export interface RenderOptions {
  status?: number;
  flash?: { kind: 'ok' | 'error'; text: string };
}

/** Renders a console page in the shared frame, with a fresh CSRF token for its forms. */
export type Render = (
  req: Request,
  res: Response,
  title: string,
  body: (csrf: string) => Html | string,
  opts?: RenderOptions,
) => void;

/**
 * The page rendering of every console router (console, intake, dashboard, audit, deliveries,
 * admin, WhatsApp), so every page shares one frame, one CSRF token, no-store caching and the
 * WhatsApp alert banner.
 */
export function consoleRenderer(deps: OfficerHttpDeps): Render {
  const sec = officerSecurity(deps);
  return (req, res, title, body, opts = {}) => {
    const csrf = sec.csrfToken(req, res);
    const officer = currentOfficer(res);
    const lang = langOf(req);
    const path = req.originalUrl.replace(/[?&]lang=(id|en)/, '');
    const banner = whatsAppBanner(lang, officer, deps.whatsapp?.status(), path);
    res
      .status(opts.status ?? 200)
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(
        renderDocument(
          <Frame
            lang={lang}
            title={title}
            csrf={csrf}
            path={path}
            body={asView(body(csrf))}
            banner={banner}
            {...(officer ? { officer } : {})}
            {...(opts.flash ? { flash: opts.flash } : {})}
          />,
        ),
      );
  };
}

/** An id from the URL; anything that cannot be an id is simply not found. */
export function idParam(req: Request, name = 'id'): string {
  const v = req.params[name];
  if (typeof v !== 'string' || !/^[0-9a-f]{24}$/i.test(v))
    throw new OfficerActionError('not_found', 'Data tidak ditemukan (not found).');
  return v;
}

/** A query string as plain strings, empty values dropped (what a GET form sends). */
export function plainQuery(req: Request): Record<string, string> {
  return Object.fromEntries(
    Object.entries(req.query).filter(([k, v]) => typeof v === 'string' && v !== '' && k !== 'lang'),
  ) as Record<string, string>;
}

/** Start of a Jakarta calendar day (WIB, UTC+7) plus `plusDays`: officers mean their own day. */
export function wibDay(day: string, plusDays = 0): Date {
  return new Date(Date.parse(`${day}T00:00:00+07:00`) + plusDays * 86_400_000);
}

/** A body still built as a string (escaped by hand with `esc`) until its page becomes a view. */
function asView(body: Html | string): Html {
  return typeof body === 'string' ? <div dangerouslySetInnerHTML={{ __html: body }} /> : body;
}
