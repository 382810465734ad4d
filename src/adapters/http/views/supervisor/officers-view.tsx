import type { OfficerListing } from '../../../../app/officer/manage-officers.js';
import { t, type ConsoleLang } from '../../console-i18n.js';
import { ts } from '../../supervisor-i18n.js';
import { DataTable } from '../data-table.js';
import { NewOfficerForm, type NewOfficerFields } from './new-officer-form.js';
import { OfficerRow } from './officer-row.js';

/** What the accounts page shows; `form` and `errors` when a create attempt is sent back. */
export interface OfficersViewProps {
  lang: ConsoleLang;
  csrf: string;
  officers: readonly OfficerListing[];
  /** The admin looking at the page. */
  selfId: string;
  /** The admin's office, the example office code in the create form. */
  ownOffice: string;
  form?: NewOfficerFields | undefined;
  /** The active agencies, for an agency account's agency. */
  agencies: ReadonlyArray<readonly [string, string]>;
  errors?: Readonly<Record<string, string>> | undefined;
}

/** The accounts page: create form first (the common task), then every account with its actions. */
export function OfficersView({
  lang,
  csrf,
  officers,
  selfId,
  ownOffice,
  agencies,
  form = {},
  errors = {},
}: OfficersViewProps) {
  return (
    <>
      <NewOfficerForm
        lang={lang}
        csrf={csrf}
        form={form}
        errors={errors}
        ownOffice={ownOffice}
        agencies={agencies}
      />
      <h2>{ts(lang, 'admin')}</h2>
      <DataTable
        id="officers"
        headers={[
          t(lang, 'username'),
          ts(lang, 'displayName'),
          ts(lang, 'role'),
          t(lang, 'office'),
          t(lang, 'status'),
          ts(lang, 'tokens'),
          '',
        ]}
        empty={t(lang, 'none')}
      >
        {officers.map((o) => (
          <OfficerRow lang={lang} csrf={csrf} officer={o} isSelf={o.id === selfId} />
        ))}
      </DataTable>
      <p>
        <a href="/console/admin/offices">{`${ts(lang, 'offices')} »`}</a>
      </p>
    </>
  );
}
