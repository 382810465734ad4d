import { t, type ConsoleLang } from '../console-i18n.js';
import { CsrfField } from './csrf-field.js';

/** The console login form; after a failed attempt it keeps the username typed. */
export function LoginForm({
  lang,
  csrf,
  username = '',
}: {
  lang: ConsoleLang;
  csrf: string;
  username?: string;
}) {
  return (
    <form method="post" action="/console/login" class="card">
      <CsrfField token={csrf} />
      <label>
        {t(lang, 'username')}
        <input name="username" autocomplete="username" required value={username} />
      </label>
      <label>
        {t(lang, 'password')}
        <input name="password" type="password" autocomplete="current-password" required />
      </label>
      <button type="submit">{t(lang, 'login')}</button>
    </form>
  );
}
