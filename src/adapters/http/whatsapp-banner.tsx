import type { OfficerActor } from '../../app/officer/officer-actor.js';
import type { WhatsAppState, WhatsAppStatus } from '../../ports/whatsapp-session.js';
import type { ConsoleLang } from './console-i18n.js';
import type { Html } from './views/html.js';
import { tWhatsApp, WHATSAPP_STATE } from './whatsapp-i18n.js';

/** States that stay so until a person acts: the ones every console page warns about. */
const NEEDS_A_PERSON: ReadonlySet<WhatsAppState> = new Set(['logged_out', 'conflict', 'failed']);

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
        {tWhatsApp(lang, 'officerNote')}
      </p>
    );
  const action =
    officer.role === 'admin' ? (
      <a href="/console/whatsapp">{tWhatsApp(lang, 'openPage')}</a>
    ) : (
      tWhatsApp(lang, 'askAdmin')
    );
  return (
    <p class="flash error whatsapp-banner" role="alert">
      <strong>{`${tWhatsApp(lang, 'alert')}:`}</strong>{' '}
      {`${WHATSAPP_STATE[state][lang]}. ${tWhatsApp(lang, 'unserved')}`} {action}
    </p>
  );
}
