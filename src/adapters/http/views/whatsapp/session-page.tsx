import type { WhatsAppStatus } from '../../../../ports/whatsapp-session.js';
import type { ConsoleLang } from '../../console-i18n.js';
import { tWhatsApp } from '../../whatsapp-i18n.js';
import { HealthTable } from './health-table.js';
import { PairingCodeForm, RestartForm, UnpairForm } from './session-forms.js';

/** What the session page shows: the session's status, and its QR as an image when it waits to be paired. */
export interface SessionPageView {
  status: WhatsAppStatus;
  /** The QR as a `data:image/svg+xml` URL, drawn by the qrcode library from the session's QR text. */
  qrImage?: string | undefined;
}

/**
 * The WhatsApp session page: the alert, a requested pairing code, the health table, the QR
 * while pairing, and the admin actions that fit the state. Pairing and unlinking are offered
 * only to the process holding the number; "connect again" to a session that stopped.
 */
export function SessionPage({
  lang,
  csrf,
  view,
}: {
  lang: ConsoleLang;
  csrf: string;
  view: SessionPageView;
}) {
  const s = view.status;
  const canPair = s.leaseOurs && (s.state === 'pairing' || s.state === 'logged_out' || s.state === 'failed');
  const canRestart =
    s.state === 'failed' || s.state === 'conflict' || s.state === 'logged_out' || s.state === 'standby';
  return (
    <>
      {s.alert ? (
        <p class="flash error" role="alert">
          {s.alert}
        </p>
      ) : null}
      {s.pairingCode ? (
        <p class="flash ok" role="status">
          {`${tWhatsApp(lang, 'code')}: `}
          <strong class="pairing-code">{s.pairingCode}</strong>
        </p>
      ) : null}
      <HealthTable lang={lang} s={s} />
      <p>
        <a href="/console/whatsapp">{tWhatsApp(lang, 'reload')}</a>{' '}
        {canRestart ? <RestartForm lang={lang} csrf={csrf} /> : null}
      </p>
      {view.qrImage ? (
        <section class="card">
          <div class="qr">
            <img src={view.qrImage} alt={tWhatsApp(lang, 'qrAlt')} width={264} height={264} />
          </div>
          <p>{tWhatsApp(lang, 'scan')}</p>
        </section>
      ) : null}
      {canPair ? <PairingCodeForm lang={lang} csrf={csrf} /> : null}
      {s.leaseOurs ? <UnpairForm lang={lang} csrf={csrf} /> : null}
    </>
  );
}
