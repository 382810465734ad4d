import { STATUSES, type Application } from '../../../domain/application.js';
import { maskNik } from '../../../domain/nik.js';
import { describeStatus } from '../../../domain/status.js';
import { t, type ConsoleLang } from '../console-i18n.js';
import { isOverdue } from '../json-views.js';
import { fmtUtc } from './console-time.js';
import { DataTable } from './data-table.js';
import { OfficeLabel } from './office-label.js';
import { OptionList } from './option-list.js';

/** What the application list shows. */
export interface ApplicationListProps {
  lang: ConsoleLang;
  /** The filter form's values as sent (shown back in the form, even when invalid). */
  query: Record<string, string>;
  apps: readonly Application[];
  total: number;
  now: Date;
  /** A service's name from the catalog (its id without one). */
  serviceName: (serviceId: string) => string;
  /** Office names by id, for the offices of the rows shown. */
  officeNames: ReadonlyMap<string, string>;
}

/** The filter bar and the table of applications; overdue rows are marked `late`. */
export function ApplicationList(p: ApplicationListProps) {
  const { lang, query, apps, total, now } = p;
  return (
    <>
      <Filters lang={lang} query={query} />
      <p>{`${apps.length} / ${total}`}</p>
      <DataTable
        headers={[
          t(lang, 'tracking'),
          t(lang, 'service'),
          t(lang, 'applicant'),
          t(lang, 'status'),
          t(lang, 'office'),
          t(lang, 'due'),
        ]}
        empty={t(lang, 'none')}
      >
        {apps.map((a) => (
          <Row
            lang={lang}
            app={a}
            late={isOverdue(a, now)}
            service={p.serviceName(a.serviceId)}
            officeNames={p.officeNames}
          />
        ))}
      </DataTable>
    </>
  );
}

function Filters({ lang, query: q }: { lang: ConsoleLang; query: Record<string, string> }) {
  const statuses: Array<[string, string]> = [
    ['', t(lang, 'all')],
    ...STATUSES.map((s): [string, string] => [s, describeStatus(s, lang)]),
  ];
  return (
    <form method="get" action="/console/applications" class="filters">
      <input name="q" placeholder={t(lang, 'search')} value={q.q ?? ''} />
      <input name="service" placeholder={t(lang, 'service')} value={q.service ?? ''} />
      <select name="status">
        <OptionList options={statuses} current={q.status ?? ''} />
      </select>
      <input name="office" placeholder={t(lang, 'office')} value={q.office ?? ''} />
      <label>
        {t(lang, 'from')}
        <input type="date" name="from" value={q.from ?? ''} />
      </label>
      <label>
        {t(lang, 'to')}
        <input type="date" name="to" value={q.to ?? ''} />
      </label>
      <label>
        <input type="checkbox" name="overdue" value="true" checked={q.overdue === 'true'} />{' '}
        {t(lang, 'overdue')}
      </label>
      <button>{t(lang, 'filter')}</button>
    </form>
  );
}

interface RowProps {
  lang: ConsoleLang;
  app: Application;
  late: boolean;
  service: string;
  officeNames: ReadonlyMap<string, string>;
}

function Row({ lang, app: a, late, service, officeNames }: RowProps) {
  return (
    <tr class={late ? 'late' : undefined}>
      <td>
        <a href={`/console/applications/${a.id}`}>{a.trackingNumber}</a>
      </td>
      <td>{service}</td>
      <td>
        {a.applicant.name}
        <br />
        <small>{maskNik(a.applicant.nik)}</small>
      </td>
      <td>{describeStatus(a.status, lang)}</td>
      <td>
        <OfficeLabel id={a.officeId} names={officeNames} />
      </td>
      <td>{fmtUtc(a.slaDueAt)}</td>
    </tr>
  );
}
