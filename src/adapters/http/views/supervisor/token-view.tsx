import type { ConsoleLang } from '../../console-i18n.js';
import { ts } from '../../supervisor-i18n.js';

/** The one page that shows a new API token; it is never shown again. */
export function TokenView({ lang, username, token }: { lang: ConsoleLang; username: string; token: string }) {
  return (
    <>
      <p class="flash ok">{ts(lang, 'tokenOnce')}</p>
      <p>
        {`${username}: `}
        <code id="new-token">{token}</code>
      </p>
      <p>
        <a href="/console/admin/officers">{ts(lang, 'back')}</a>
      </p>
    </>
  );
}
