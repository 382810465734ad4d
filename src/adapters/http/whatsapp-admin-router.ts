import express, { type Request, type Response, type Router } from 'express';
import QRCode from 'qrcode';
import { OfficerActionError } from '../../app/officer/errors.js';
import {
  requestWhatsAppPairingCode,
  restartWhatsApp,
  unpairWhatsApp,
  type WhatsAppAdminDeps,
} from '../../app/officer/whatsapp-admin.js';
import type { WhatsAppSession, WhatsAppStatus } from '../../ports/whatsapp-session.js';
import { csrfField, esc } from './console-html.js';
import type { ConsoleLang } from './console-i18n.js';
import { consoleRenderer, langOf } from './console-render.js';
import type { OfficerHttpDeps } from './officer-http-deps.js';
import { currentOfficer, officerOf } from './security.js';
import { WHATSAPP_STATE } from './whatsapp-banner.js';

const W = {
  title: { id: 'Sesi WhatsApp', en: 'WhatsApp session' },
  state: { id: 'Status', en: 'State' },
  since: { id: 'Sejak', en: 'Since' },
  account: { id: 'Akun', en: 'Account' },
  lease: { id: 'Pemegang nomor', en: 'Number owned by' },
  thisProcess: { id: '(proses ini)', en: '(this process)' },
  lastDrop: { id: 'Putus terakhir', en: 'Last disconnect' },
  reconnects: { id: 'Percobaan sambung ulang', en: 'Reconnect attempts' },
  badMac: { id: 'Pesan gagal didekripsi (Bad MAC)', en: 'Messages not decrypted (Bad MAC)' },
  scan: {
    id: 'Di ponsel nomor layanan: WhatsApp › Perangkat tertaut › Tautkan perangkat, lalu pindai kode ini. Kode berganti setiap ±20 detik: muat ulang halaman bila kedaluwarsa.',
    en: 'On the service phone: WhatsApp › Linked devices › Link a device, then scan this code. It changes every ±20 seconds: reload the page when it expires.',
  },
  code: { id: 'Kode pemasangan', en: 'Pairing code' },
  codeHelp: {
    id: 'Atau pasangkan dengan kode: tulis nomor HP layanan, lalu ketik kode yang muncul di WhatsApp › Perangkat tertaut › Tautkan dengan nomor telepon.',
    en: 'Or pair with a code: enter the service phone number, then type the code shown here in WhatsApp › Linked devices › Link with phone number.',
  },
  phone: { id: 'Nomor HP (dengan kode negara)', en: 'Phone number (with country code)' },
  askCode: { id: 'Minta kode', en: 'Get code' },
  restart: { id: 'Sambungkan lagi', en: 'Connect again' },
  unpair: { id: 'Lepas dan pasangkan ulang', en: 'Unlink and pair again' },
  unpairHelp: {
    id: 'Memutus nomor ini dari Loket dan menghapus sesi tersimpan. Warga tidak dilayani lewat WhatsApp sampai dipasangkan lagi.',
    en: 'Unlinks this number from Loket and deletes the stored session. Citizens are not served on WhatsApp until it is paired again.',
  },
  confirm: { id: 'Saya yakin', en: 'I am sure' },
  mustConfirm: {
    id: 'Centang "Saya yakin" untuk melepas nomor.',
    en: 'Tick "I am sure" to unlink the number.',
  },
  reload: { id: 'Muat ulang', en: 'Reload' },
  restarted: { id: 'Menyambung lagi…', en: 'Connecting again…' },
  unpaired: { id: 'Nomor dilepas; pindai kode QR baru.', en: 'Number unlinked; scan the new QR.' },
  none: { id: '–', en: '–' },
} as const satisfies Record<string, Record<ConsoleLang, string>>;

function fmt(d: Date | undefined): string {
  return d ? `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC` : '–';
}

/** The QR as an SVG: the CSP allows no CDN and no inline script, and an inline <svg> needs neither. */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', margin: 2, width: 264 });
}

/** The session-health page body: state, last drop with its raw code, counters, QR, admin actions. */
export function whatsAppBody(lang: ConsoleLang, csrf: string, s: WhatsAppStatus, qr?: string): string {
  const w = (k: keyof typeof W) => W[k][lang];
  const alert = s.alert ? `<p class="flash error" role="alert">${esc(s.alert)}</p>` : '';
  const drop = s.lastDisconnect
    ? `${esc(s.lastDisconnect.code ?? '–')}: ${esc(s.lastDisconnect.reason)} (${esc(fmt(s.lastDisconnect.at))})`
    : w('none');
  // Beside another process's name, its session's state as of its last renewal.
  const holder = s.leaseOurs
    ? esc(w('thisProcess'))
    : s.holderState
      ? `(<span data-holder-state="${esc(s.holderState)}">${esc(WHATSAPP_STATE[s.holderState][lang])}</span>)`
      : '';
  const rows: Array<[string, string]> = [
    [w('state'), `<strong data-state="${esc(s.state)}">${esc(WHATSAPP_STATE[s.state][lang])}</strong>`],
    [w('since'), esc(fmt(s.since))],
    [w('account'), esc(s.account ?? '–')],
    [w('lease'), `${esc(s.leaseHolder ?? '–')} ${holder}`],
    [w('lastDrop'), drop],
    [w('reconnects'), esc(s.reconnects)],
    [w('badMac'), esc(s.badMacCount)],
  ];
  const table = `<table class="whatsapp-health">${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${v}</td></tr>`).join('')}</table>`;
  const qrCard = qr
    ? `<section class="card"><div class="qr">${qr}</div><p>${esc(w('scan'))}</p></section>`
    : '';
  const code = s.pairingCode
    ? `<p class="flash ok" role="status">${esc(w('code'))}: <strong class="pairing-code">${esc(s.pairingCode)}</strong></p>`
    : '';
  const canPair = s.leaseOurs && (s.state === 'pairing' || s.state === 'logged_out' || s.state === 'failed');
  const pairForm = canPair
    ? `<form method="post" action="/console/whatsapp/pairing-code" class="card">${csrfField(csrf)}<p>${esc(w('codeHelp'))}</p>
<label>${esc(w('phone'))} <input name="phone" inputmode="tel" autocomplete="off" placeholder="6281234567890" required></label> <button>${esc(w('askCode'))}</button></form>`
    : '';
  const restart =
    s.state === 'failed' || s.state === 'conflict' || s.state === 'logged_out' || s.state === 'standby'
      ? `<form method="post" action="/console/whatsapp/restart" class="inline">${csrfField(csrf)}<button>${esc(w('restart'))}</button></form>`
      : '';
  const unpair = s.leaseOurs
    ? `<form method="post" action="/console/whatsapp/unpair" class="card">${csrfField(csrf)}<p>${esc(w('unpairHelp'))}</p>
<label><input type="checkbox" name="confirm" value="yes"> ${esc(w('confirm'))}</label> <button>${esc(w('unpair'))}</button></form>`
    : '';
  return `${alert}${code}${table}<p><a href="/console/whatsapp">${esc(w('reload'))}</a> ${restart}</p>${qrCard}${pairForm}${unpair}`;
}

/**
 * The WhatsApp session-health page under `/console/whatsapp`, for admins only: state, QR or
 * pairing code, the last disconnect with its raw code, reconnects and decryption failures, and
 * the admin actions (pairing code, connect again, unlink). It reads the session through its
 * port; the WhatsApp adapter is never imported here.
 */
export function createWhatsAppAdminRouter(deps: OfficerHttpDeps, session: WhatsAppSession): Router {
  const render = consoleRenderer(deps);
  const actions: WhatsAppAdminDeps = { whatsapp: session, events: deps.events, now: deps.now };
  const router = express.Router();
  router.use('/whatsapp', (_req, res, next) => {
    if (currentOfficer(res)?.role === 'admin') return next();
    next(
      new OfficerActionError(
        'forbidden',
        'Anda tidak berwenang membuka halaman ini (not allowed for your role).',
      ),
    );
  });

  const show = async (
    req: Request,
    res: Response,
    flash?: { kind: 'ok' | 'error'; text: string },
    status = 200,
  ) => {
    const lang = langOf(req);
    const s = session.status();
    const qr = s.qr ? await qrSvg(s.qr) : undefined;
    render(req, res, W.title[lang], (csrf) => whatsAppBody(lang, csrf, s, qr), {
      status,
      ...(flash ? { flash } : {}),
    });
  };
  const admin = (res: Response) => currentOfficer(res)?.username ?? '?';

  router.get('/whatsapp', async (req, res) => {
    const lang = langOf(req);
    const done = req.query.done;
    const flash =
      done === 'restart'
        ? { kind: 'ok' as const, text: W.restarted[lang] }
        : done === 'unpair'
          ? { kind: 'ok' as const, text: W.unpaired[lang] }
          : undefined;
    await show(req, res, flash);
  });
  router.get('/whatsapp/status.json', (_req, res) => {
    res.set('Cache-Control', 'no-store').json(session.status());
  });
  router.post('/whatsapp/pairing-code', async (req, res) => {
    const phone = (req.body as { phone?: unknown }).phone;
    try {
      await requestWhatsAppPairingCode(actions, officerOf(res), typeof phone === 'string' ? phone : '');
      deps.logger.info({ admin: admin(res) }, 'whatsapp pairing code requested from the console');
      await show(req, res);
    } catch (err) {
      const text =
        err instanceof Error && err.name === 'WhatsAppSessionError' ? err.message : 'Gagal meminta kode.';
      if (!(err instanceof Error && err.name === 'WhatsAppSessionError'))
        deps.logger.error({ err }, 'whatsapp pairing code failed');
      await show(req, res, { kind: 'error', text }, 400);
    }
  });
  router.post('/whatsapp/restart', async (_req, res) => {
    deps.logger.info({ admin: admin(res) }, 'whatsapp restart requested from the console');
    await restartWhatsApp(actions, officerOf(res));
    res.redirect(303, '/console/whatsapp?done=restart');
  });
  router.post('/whatsapp/unpair', async (req, res) => {
    if ((req.body as { confirm?: unknown }).confirm !== 'yes')
      return show(req, res, { kind: 'error', text: W.mustConfirm[langOf(req)] }, 400);
    try {
      await unpairWhatsApp(actions, officerOf(res));
    } catch (err) {
      if (err instanceof Error && err.name === 'WhatsAppSessionError')
        return show(req, res, { kind: 'error', text: err.message }, 409);
      throw err;
    }
    deps.logger.warn({ admin: admin(res) }, 'whatsapp number unlinked from the console');
    res.redirect(303, '/console/whatsapp?done=unpair');
  });
  return router;
}
