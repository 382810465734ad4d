import type { OfficerRole } from '../../../../ports/officer-repository.js';
import { taa } from '../../agency-admin-i18n.js';
import { t, type ConsoleLang } from '../../console-i18n.js';
import { ts } from '../../supervisor-i18n.js';
import { CsrfField } from '../csrf-field.js';
import { OptionList } from '../option-list.js';

const ROLES: readonly OfficerRole[] = ['officer', 'supervisor', 'admin', 'agency'];

/** What the form showed when it was sent back with errors; the password is never among them. */
export type NewOfficerFields = Partial<
  Record<'username' | 'displayName' | 'role' | 'officeId' | 'agencyId', string>
>;

function FieldError({ text }: { text: string | undefined }) {
  return text ? <span class="error">{text}</span> : null;
}

/** The create-account form, first on the accounts page since it is the common task. */
export function NewOfficerForm({
  lang,
  csrf,
  form,
  errors,
  ownOffice,
  agencies,
}: {
  lang: ConsoleLang;
  csrf: string;
  form: NewOfficerFields;
  /** The active agencies an agency account may answer for, as [id, name]. */
  agencies: ReadonlyArray<readonly [string, string]>;
  /** The admin's own office code: the example shown, from this deployment's area. */
  ownOffice: string;
  errors: Readonly<Record<string, string>>;
}) {
  return (
    <>
      <h2>{ts(lang, 'newOfficer')}</h2>
      <form method="post" action="/console/admin/officers" class="card" id="new-officer">
        <CsrfField token={csrf} />
        <label>
          {t(lang, 'username')}
          <input name="username" required autocomplete="off" value={form.username} />
        </label>
        <FieldError text={errors.username} />
        <label>
          {ts(lang, 'displayName')}
          <input name="displayName" required value={form.displayName} />
        </label>
        <FieldError text={errors.displayName} />
        <label>
          {t(lang, 'password')}
          <input name="password" type="password" required minLength={10} autocomplete="new-password" />
        </label>
        <FieldError text={errors.password} />
        <label>
          {ts(lang, 'role')}
          <select name="role">
            <OptionList options={ROLES.map((r) => [r, ts(lang, `role_${r}`)] as const)} current={form.role} />
          </select>
        </label>
        <FieldError text={errors.role} />
        <label>
          {taa(lang, 'accountAgency')}
          <select name="agencyId">
            <OptionList
              options={[['', taa(lang, 'accountAgencyNone')], ...agencies]}
              current={form.agencyId ?? ''}
            />
          </select>
        </label>
        <small>{taa(lang, 'accountAgencyHint')}</small>
        <FieldError text={errors.agencyId} />
        <label>
          {ts(lang, 'officeCode')}
          <input name="officeId" required placeholder={ownOffice} value={form.officeId} />
        </label>
        <small>
          <a href="/console/admin/offices">{ts(lang, 'officeCodeHint')}</a>
        </small>
        <FieldError text={errors.officeId} />
        <button type="submit">{ts(lang, 'create')}</button>
      </form>
    </>
  );
}
