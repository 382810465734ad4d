import type { OfficerActor } from '../../app/officer/officer-actor.js';
import type { WhatsAppState, WhatsAppStatus } from '../../ports/whatsapp-session.js';
import type { ConsoleLang } from './console-i18n.js';
import type { Html } from './views/html.js';

/** The session states in words, for the WhatsApp page and the banner. */
export const WHATSAPP_STATE: Readonly<Record<WhatsAppState, Record<ConsoleLang, string>>> = {
  standby: { id: 'Siaga (nomor dipegang proses lain)', en: 'Standby (another process owns the number)' },
  connecting: { id: 'Menyambung…', en: 'Connecting…' },
  pairing: { id: 'Menunggu dipasangkan (pindai QR)', en: 'Waiting to be paired (scan the QR)' },
  open: { id: 'Tersambung', en: 'Connected' },
  reconnecting: { id: 'Menyambung ulang…', en: 'Reconnecting…' },
  logged_out: { id: 'Keluar (perlu dipasangkan ulang)', en: 'Logged out (pair again)' },
  conflict: { id: 'Bentrok: dibuka di tempat lain', en: 'Conflict: opened elsewhere' },
  failed: { id: 'Berhenti (perlu tindakan admin)', en: 'Stopped (admin action needed)' },
  stopped: { id: 'Mati', en: 'Stopped' },
};

/** States that stay so until a person acts: the ones every console page warns about. */
const NEEDS_A_PERSON: ReadonlySet<WhatsAppState> = new Set(['logged_out', 'conflict', 'failed']);

const B = {
  alert: { id: 'WhatsApp perlu tindakan', en: 'WhatsApp needs attention' },
  unserved: {
    id: 'Warga tidak dilayani lewat WhatsApp sampai nomor tersambung lagi.',
    en: 'Citizens are not served on WhatsApp until the number is connected again.',
  },
  open: { id: 'Buka sesi WhatsApp', en: 'Open the WhatsApp session' },
  askAdmin: { id: 'Minta admin menyambungkannya lagi.', en: 'Ask an admin to connect it again.' },
  officer: {
    id: 'WhatsApp sedang tidak tersambung: pesan ke warga lewat WhatsApp belum dapat terkirim.',
    en: 'WhatsApp is not connected: messages to citizens on WhatsApp cannot be delivered for now.',
  },
} as const satisfies Record<string, Record<ConsoleLang, string>>;

/**
 * The line every console page shows while the WhatsApp session needs a person (logged out,
 * conflict, failed): this process's session or, while it stands by, the lease holder's. For
 * admins an alert linking to the session page; for supervisors the same alert, asking for an
 * admin (the page is admin-only); for officers a neutral note that WhatsApp messages cannot go
 * out, since their replies in a handoff would fail. Empty otherwise, and on the WhatsApp page
 * itself, which shows the full alert.
 */
export function whatsAppBanner(
  lang: ConsoleLang,
  officer: OfficerActor | undefined,
  status: WhatsAppStatus | undefined,
  path: string,
): Html {
  const state = status?.state === 'standby' ? status.holderState : status?.state;
  if (!officer || !state || !NEEDS_A_PERSON.has(state) || path.startsWith('/console/whatsapp')) return null;
  if (officer.role === 'officer')
    return (
      <p class="flash notice whatsapp-banner" role="status">
        {B.officer[lang]}
      </p>
    );
  const action = officer.role === 'admin' ? <a href="/console/whatsapp">{B.open[lang]}</a> : B.askAdmin[lang];
  return (
    <p class="flash error whatsapp-banner" role="alert">
      <strong>{`${B.alert[lang]}:`}</strong> {`${WHATSAPP_STATE[state][lang]}. ${B.unserved[lang]}`} {action}
    </p>
  );
}
