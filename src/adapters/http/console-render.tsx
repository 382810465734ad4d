import type { Request, Response } from 'express';
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
  body: (csrf: string) => Html,
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
            body={body(csrf)}
            banner={banner}
            {...(officer ? { officer } : {})}
            {...(opts.flash ? { flash: opts.flash } : {})}
          />,
        ),
      );
  };
}
