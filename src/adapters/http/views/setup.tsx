import { t, type ConsoleLang } from '../console-i18n.js';
import { CsrfField } from './csrf-field.js';
import { OptionList } from './option-list.js';

/** What the setup form shows again after a refusal (never the password). */
export interface SetupValues {
  username?: string;
  displayName?: string;
  officeId?: string;
}

/**
 * The first-run page: the first admin's username, name, password (twice) and office. The token
 * rides in a hidden field, so the POST needs no query string.
 */
export function SetupForm({
  lang,
  csrf,
  token,
  offices,
  values = {},
  errors = {},
}: {
  lang: ConsoleLang;
  csrf: string;
  token: string;
  offices: Array<[string, string]>;
  values?: SetupValues;
  errors?: Record<string, string>;
}) {
  const err = (k: string) =>
    errors[k] ? (
      <span class="error" role="alert">
        {errors[k]}
      </span>
    ) : null;
  return (
    <form method="post" action="/console/setup" class="card" id="setup">
      <p>{t(lang, 'setupIntro')}</p>
      <CsrfField token={csrf} />
      <input type="hidden" name="token" value={token} />
      <label>
        {t(lang, 'username')}
        <input name="username" autocomplete="username" required value={values.username ?? ''} />
        {err('username')}
      </label>
      <label>
        {t(lang, 'displayName')}
        <input name="displayName" autocomplete="name" required value={values.displayName ?? ''} />
        {err('displayName')}
      </label>
      <label>
        {t(lang, 'password')}
        <input name="password" type="password" autocomplete="new-password" required minLength={12} />
        <small>{t(lang, 'passwordRule')}</small>
        {err('password')}
      </label>
      <label>
        {t(lang, 'passwordAgain')}
        <input name="password2" type="password" autocomplete="new-password" required minLength={12} />
        {err('password2')}
      </label>
      <label>
        {t(lang, 'office')}
        <select name="officeId" required>
          <option value="">{t(lang, 'choose')}</option>
          <OptionList options={offices} current={values.officeId ?? ''} />
        </select>
        {err('officeId')}
      </label>
      <button type="submit">{t(lang, 'createAdmin')}</button>
    </form>
  );
}

/** A used, expired or wrong setup link: one page for all three, saying none of them. */
export function SetupGone({ lang }: { lang: ConsoleLang }) {
  return (
    <div class="card">
      <p>{t(lang, 'setupGone')}</p>
      <p>
        <a href="/console/login">{t(lang, 'login')}</a>
      </p>
    </div>
  );
}
