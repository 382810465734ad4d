import { t, type ConsoleLang } from '../console-i18n.js';
import { CsrfField } from './csrf-field.js';

/**
 * The console login form; after a failed attempt it keeps the username typed. While no officer
 * exists it says, in both languages, how to make the first account.
 */
export function LoginForm({
  lang,
  csrf,
  username = '',
  firstRun = false,
}: {
  lang: ConsoleLang;
  csrf: string;
  username?: string;
  firstRun?: boolean;
}) {
  return (
    <>
      {firstRun ? (
        <div class="flash ok" role="status" id="first-run">
          <p>{t('id', 'firstRun')}</p>
          <p lang="en">{t('en', 'firstRun')}</p>
        </div>
      ) : null}
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
    </>
  );
}
