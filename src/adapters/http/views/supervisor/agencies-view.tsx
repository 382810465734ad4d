import { isAgencyActive, type Agency } from '../../../../domain/agency.js';
import { taa } from '../../agency-admin-i18n.js';
import type { ConsoleLang } from '../../console-i18n.js';
import { CsrfField } from '../csrf-field.js';
import { DataTable } from '../data-table.js';

/** What an agency form shows: the values as typed (or stored) and each field's error. */
export interface AgencyForm {
  values: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, string>>;
}

function FieldError({ text }: { text: string | undefined }) {
  return text ? <span class="error">{text}</span> : null;
}

/** The (de)activate button of one agency: a deactivated agency takes no new forwards. */
export function AgencyActiveButton({
  lang,
  csrf,
  agency,
}: {
  lang: ConsoleLang;
  csrf: string;
  agency: Agency;
}) {
  const active = isAgencyActive(agency);
  return (
    <form method="post" action={`/console/admin/agencies/${agency.id}/active`} class="inline">
      <CsrfField token={csrf} />
      <input type="hidden" name="active" value={active ? 'false' : 'true'} />
      <button type="submit">{taa(lang, active ? 'deactivate' : 'activate')}</button>
    </form>
  );
}

/** The fields both forms share: names, contact, active. */
function AgencyFields({ lang, form }: { lang: ConsoleLang; form: AgencyForm }) {
  const { values, errors } = form;
  return (
    <>
      <label>
        {taa(lang, 'name')}
        <input name="name" required maxLength={200} value={values.name} />
      </label>
      <FieldError text={errors.name} />
      <label>
        {taa(lang, 'shortName')}
        <input name="shortName" required maxLength={80} value={values.shortName} />
      </label>
      <FieldError text={errors.shortName} />
      <label>
        {taa(lang, 'contact')}
        <input name="contact" maxLength={200} value={values.contact} />
      </label>
      <FieldError text={errors.contact} />
      <label class="check">
        <input type="checkbox" name="active" checked={values.active === 'on'} /> {taa(lang, 'active')}
      </label>
    </>
  );
}

/** The admins' agency list: each agency with its status and actions, then the add form. */
export function AgenciesView({
  lang,
  csrf,
  agencies,
  form,
}: {
  lang: ConsoleLang;
  csrf: string;
  agencies: readonly Agency[];
  form: AgencyForm;
}) {
  return (
    <>
      <p>
        <small>{taa(lang, 'help')}</small>
      </p>
      <DataTable
        id="agencies-admin"
        headers={[
          taa(lang, 'id'),
          taa(lang, 'name'),
          taa(lang, 'shortName'),
          taa(lang, 'contact'),
          taa(lang, 'status'),
          '',
        ]}
        empty={taa(lang, 'none')}
      >
        {agencies.map((a) => (
          <tr class={isAgencyActive(a) ? undefined : 'inactive'} id={`agency-${a.id}`}>
            <td>
              <code>{a.id}</code>
            </td>
            <td>{a.name}</td>
            <td>{a.shortName}</td>
            <td>{a.contact ?? '-'}</td>
            <td>{taa(lang, isAgencyActive(a) ? 'isActive' : 'isInactive')}</td>
            <td>
              <a href={`/console/admin/agencies/${a.id}`}>{taa(lang, 'edit')}</a>{' '}
              <AgencyActiveButton lang={lang} csrf={csrf} agency={a} />
            </td>
          </tr>
        ))}
      </DataTable>
      <h2>{taa(lang, 'add')}</h2>
      <form method="post" action="/console/admin/agencies" class="card" id="new-agency">
        <CsrfField token={csrf} />
        <label>
          {taa(lang, 'id')}
          <input
            name="id"
            required
            maxLength={40}
            pattern="[a-z][a-z0-9_]*"
            autocomplete="off"
            value={form.values.id}
          />
        </label>
        <small>{taa(lang, 'idHelp')}</small>
        <FieldError text={form.errors.id} />
        <AgencyFields lang={lang} form={form} />
        <button type="submit">{taa(lang, 'add')}</button>
      </form>
    </>
  );
}

/** One agency's edit form; its id is shown, never edited. */
export function AgencyEditView({
  lang,
  csrf,
  agency,
  form,
}: {
  lang: ConsoleLang;
  csrf: string;
  agency: Agency;
  form: AgencyForm;
}) {
  return (
    <>
      <p>
        <a href="/console/admin/agencies">{taa(lang, 'back')}</a>
      </p>
      <form method="post" action={`/console/admin/agencies/${agency.id}`} class="card" id="edit-agency">
        <CsrfField token={csrf} />
        <p>
          {`${taa(lang, 'id')}: `}
          <code>{agency.id}</code>
        </p>
        <AgencyFields lang={lang} form={form} />
        <button type="submit">{taa(lang, 'save')}</button>
      </form>
    </>
  );
}

/** The form values of a stored agency. */
export function agencyValues(a: Agency): Record<string, string> {
  return {
    id: a.id,
    name: a.name,
    shortName: a.shortName,
    contact: a.contact ?? '',
    active: isAgencyActive(a) ? 'on' : '',
  };
}
