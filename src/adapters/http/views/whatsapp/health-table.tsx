import type { ComponentChildren } from 'preact';
import type { WhatsAppStatus } from '../../../../ports/whatsapp-session.js';
import type { ConsoleLang } from '../../console-i18n.js';
import { tWhatsApp, WHATSAPP_STATE } from '../../whatsapp-i18n.js';

/** An instant as the admin compares it with server logs: UTC, to the second. */
function fmt(d: Date | undefined): string {
  return d ? `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC` : '–';
}

/** Who holds the number: this process, or another one with its session's state as of its last renewal. */
function Holder({ lang, s }: { lang: ConsoleLang; s: WhatsAppStatus }) {
  if (s.leaseOurs) return <>{tWhatsApp(lang, 'thisProcess')}</>;
  if (!s.holderState) return null;
  return (
    <>
      (<span data-holder-state={s.holderState}>{WHATSAPP_STATE[s.holderState][lang]}</span>)
    </>
  );
}

/** The session's health: state, since when, account, lease holder, last drop with its raw code, counters. */
export function HealthTable({ lang, s }: { lang: ConsoleLang; s: WhatsAppStatus }) {
  const drop = s.lastDisconnect
    ? `${s.lastDisconnect.code ?? '–'}: ${s.lastDisconnect.reason} (${fmt(s.lastDisconnect.at)})`
    : tWhatsApp(lang, 'none');
  return (
    <table class="whatsapp-health">
      <Row label={tWhatsApp(lang, 'state')}>
        <strong data-state={s.state}>{WHATSAPP_STATE[s.state][lang]}</strong>
      </Row>
      <Row label={tWhatsApp(lang, 'since')}>{fmt(s.since)}</Row>
      <Row label={tWhatsApp(lang, 'account')}>{s.account ?? '–'}</Row>
      <Row label={tWhatsApp(lang, 'lease')}>
        {`${s.leaseHolder ?? '–'} `}
        <Holder lang={lang} s={s} />
      </Row>
      <Row label={tWhatsApp(lang, 'lastDrop')}>{drop}</Row>
      <Row label={tWhatsApp(lang, 'reconnects')}>{s.reconnects}</Row>
      <Row label={tWhatsApp(lang, 'badMac')}>{s.badMacCount}</Row>
      {s.sendPath ? (
        <Row label={tWhatsApp(lang, 'sendPath')}>
          <strong data-send-path={s.sendPath}>
            {tWhatsApp(lang, s.sendPath === 'cloud' ? 'pathCloud' : 'pathBaileys')}
          </strong>
        </Row>
      ) : null}
    </table>
  );
}

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <tr>
      <th>{label}</th>
      <td>{children}</td>
    </tr>
  );
}
