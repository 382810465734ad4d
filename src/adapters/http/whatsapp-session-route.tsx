import type { Request, Response, Router } from 'express';
import QRCode from 'qrcode';
import { langOf } from './console-render.js';
import { SessionPage } from './views/whatsapp/session-page.js';
import type { WhatsAppPageDeps } from './whatsapp-context.js';
import { tWhatsApp } from './whatsapp-i18n.js';

/**
 * The QR as an image: an SVG drawn by the qrcode library, in a `data:` URL the CSP allows for
 * images, so the page needs no CDN, no inline script and no markup spliced into it.
 */
export async function qrImage(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', margin: 2, width: 264 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** Draws the session page, with a flash after an action (the refused ones answer 400 or 409). */
export async function showSession(
  { session, render }: WhatsAppPageDeps,
  req: Request,
  res: Response,
  flash?: { kind: 'ok' | 'error'; text: string },
  status = 200,
): Promise<void> {
  const lang = langOf(req);
  const s = session.status();
  const view = { status: s, qrImage: s.qr ? await qrImage(s.qr) : undefined };
  render(req, res, tWhatsApp(lang, 'title'), (csrf) => <SessionPage lang={lang} csrf={csrf} view={view} />, {
    status,
    ...(flash ? { flash } : {}),
  });
}

/**
 * The session page at `/console/whatsapp` (with the outcome of a redirected action as a flash)
 * and the same status as JSON at `/console/whatsapp/status.json`, for an admin's script or monitor.
 */
export function whatsAppSessionRoute(router: Router, page: WhatsAppPageDeps): void {
  router.get('/whatsapp', async (req, res) => {
    const lang = langOf(req);
    const done = req.query.done;
    const flash =
      done === 'restart'
        ? { kind: 'ok' as const, text: tWhatsApp(lang, 'restarted') }
        : done === 'unpair'
          ? { kind: 'ok' as const, text: tWhatsApp(lang, 'unpaired') }
          : undefined;
    await showSession(page, req, res, flash);
  });
  router.get('/whatsapp/status.json', (_req, res) => {
    res.set('Cache-Control', 'no-store').json(page.session.status());
  });
}
