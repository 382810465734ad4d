import type { ConsoleLang } from '../../console-i18n.js';
import { tWhatsApp } from '../../whatsapp-i18n.js';
import { CsrfField } from '../csrf-field.js';

/** Pairing by code instead of the QR: the service phone's number, then the code to type on it. */
export function PairingCodeForm({ lang, csrf }: { lang: ConsoleLang; csrf: string }) {
  return (
    <form method="post" action="/console/whatsapp/pairing-code" class="card">
      <CsrfField token={csrf} />
      <p>{tWhatsApp(lang, 'codeHelp')}</p>
      <label>
        {tWhatsApp(lang, 'phone')}{' '}
        <input name="phone" inputmode="tel" autocomplete="off" placeholder="6281234567890" required />
      </label>{' '}
      <button>{tWhatsApp(lang, 'askCode')}</button>
    </form>
  );
}

/** "Connect again", beside the reload link, for a session that stopped or stands by. */
export function RestartForm({ lang, csrf }: { lang: ConsoleLang; csrf: string }) {
  return (
    <form method="post" action="/console/whatsapp/restart" class="inline">
      <CsrfField token={csrf} />
      <button>{tWhatsApp(lang, 'restart')}</button>
    </form>
  );
}

/** Unlinking the number, behind a checkbox: citizens go unserved on WhatsApp until it is paired again. */
export function UnpairForm({ lang, csrf }: { lang: ConsoleLang; csrf: string }) {
  return (
    <form method="post" action="/console/whatsapp/unpair" class="card">
      <CsrfField token={csrf} />
      <p>{tWhatsApp(lang, 'unpairHelp')}</p>
      <label>
        <input type="checkbox" name="confirm" value="yes" /> {tWhatsApp(lang, 'confirm')}
      </label>{' '}
      <button>{tWhatsApp(lang, 'unpair')}</button>
    </form>
  );
}
