import type { AuditEntry } from '../../../../app/officer/search-audit.js';
import { t, type ConsoleLang } from '../../console-i18n.js';
import { ts } from '../../supervisor-i18n.js';
import { AuditTable } from '../audit-table.js';
import { OptionList } from '../option-list.js';
import { Pager, type Paging } from './pager.js';

/** What the audit search page shows. */
export interface AuditViewProps {
  lang: ConsoleLang;
  /** The filters as the form sent them, to fill the form again and keep them in the pager. */
  query: Readonly<Record<string, string>>;
  result: { items: readonly AuditEntry[]; total: number };
  /** The action types the filter offers. */
  types: readonly string[];
  /** The officers the filter offers: the supervisor's own subtree. */
  officers: ReadonlyArray<{ username: string; displayName: string }>;
  paging: Paging;
}

/** The audit search page: filter form, results, pager. */
export function AuditView({ lang, query: q, result, types, officers, paging }: AuditViewProps) {
  return (
    <>
      <form method="get" action="/console/audit" class="filters">
        <label>
          {ts(lang, 'officer')}
          <select name="officer">
            <OptionList
              options={[
                ['', t(lang, 'all')],
                ...officers.map((o) => [o.username, `${o.displayName} (${o.username})`] as const),
              ]}
              current={q.officer}
            />
          </select>
        </label>
        <label>
          {ts(lang, 'action')}
          <select name="type">
            <OptionList
              options={[['', t(lang, 'all')], ...types.map((ty) => [ty, ty] as const)]}
              current={q.type}
            />
          </select>
        </label>
        <label>
          {ts(lang, 'trackingNumber')}
          <input name="tracking" value={q.tracking} />
        </label>
        <label>
          {t(lang, 'from')}
          <input type="date" name="from" value={q.from} />
        </label>
        <label>
          {t(lang, 'to')}
          <input type="date" name="to" value={q.to} />
        </label>
        <button>{t(lang, 'filter')}</button>
      </form>
      <AuditTable lang={lang} entries={result.items} />
      <Pager lang={lang} path="/console/audit" query={q} paging={paging} total={result.total} />
    </>
  );
}
