import type { ConsoleLang } from '../../console-i18n.js';
import { tw } from '../../whatsapp-i18n.js';
import { CsrfField } from '../csrf-field.js';

/** Pairing by code instead of the QR: the service phone's number, then the code to type on it. */
export function PairingCodeForm({ lang, csrf }: { lang: ConsoleLang; csrf: string }) {
  return (
    <form method="post" action="/console/whatsapp/pairing-code" class="card">
      <CsrfField token={csrf} />
      <p>{tw(lang, 'codeHelp')}</p>
      <label>
        {tw(lang, 'phone')}{' '}
        <input name="phone" inputmode="tel" autocomplete="off" placeholder="6281234567890" required />
      </label>{' '}
      <button>{tw(lang, 'askCode')}</button>
    </form>
  );
}

/** "Connect again", beside the reload link, for a session that stopped or stands by. */
export function RestartForm({ lang, csrf }: { lang: ConsoleLang; csrf: string }) {
  return (
    <form method="post" action="/console/whatsapp/restart" class="inline">
      <CsrfField token={csrf} />
      <button>{tw(lang, 'restart')}</button>
    </form>
  );
}

/** Unlinking the number, behind a checkbox: citizens go unserved on WhatsApp until it is paired again. */
export function UnpairForm({ lang, csrf }: { lang: ConsoleLang; csrf: string }) {
  return (
    <form method="post" action="/console/whatsapp/unpair" class="card">
      <CsrfField token={csrf} />
      <p>{tw(lang, 'unpairHelp')}</p>
      <label>
        <input type="checkbox" name="confirm" value="yes" /> {tw(lang, 'confirm')}
      </label>{' '}
      <button>{tw(lang, 'unpair')}</button>
    </form>
  );
}
