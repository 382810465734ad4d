import type { OfficerListing } from '../../../../app/officer/manage-officers.js';
import { t, type ConsoleLang } from '../../console-i18n.js';
import { ts } from '../../supervisor-i18n.js';
import { NewOfficerForm, type NewOfficerFields } from './new-officer-form.js';
import { OfficerRow } from './officer-row.js';

/** What the accounts page shows; `form` and `errors` when a create attempt is sent back. */
export interface OfficersViewProps {
  lang: ConsoleLang;
  csrf: string;
  officers: readonly OfficerListing[];
  /** The admin looking at the page. */
  selfId: string;
  form?: NewOfficerFields | undefined;
  errors?: Readonly<Record<string, string>> | undefined;
}

/** The accounts page: create form first (the common task), then every account with its actions. */
export function OfficersView({ lang, csrf, officers, selfId, form = {}, errors = {} }: OfficersViewProps) {
  return (
    <>
      <NewOfficerForm lang={lang} csrf={csrf} form={form} errors={errors} />
      <h2>{ts(lang, 'admin')}</h2>
      <div class="scroll">
        <table id="officers">
          <thead>
            <tr>
              <th>{t(lang, 'username')}</th>
              <th>{ts(lang, 'displayName')}</th>
              <th>{ts(lang, 'role')}</th>
              <th>{t(lang, 'office')}</th>
              <th>{t(lang, 'status')}</th>
              <th>{ts(lang, 'tokens')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {officers.length === 0 ? (
              <tr>
                <td colspan={7}>{t(lang, 'none')}</td>
              </tr>
            ) : (
              officers.map((o) => <OfficerRow lang={lang} csrf={csrf} officer={o} isSelf={o.id === selfId} />)
            )}
          </tbody>
        </table>
      </div>
      <p>
        <a href="/console/admin/offices">{`${ts(lang, 'offices')} »`}</a>
      </p>
    </>
  );
}
