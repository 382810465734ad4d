import type { AgencyMetrics } from '../../../../app/officer/agency-metrics.js';
import { ta } from '../../agency-i18n.js';
import { t, type ConsoleLang } from '../../console-i18n.js';
import { DataTable } from '../data-table.js';
import { HorizontalBarChart } from './svg-chart.js';

/**
 * The agencies that make citizens wait: a bar per agency (share of its steps over their SLA),
 * then its numbers, latest first.
 */
export function AgenciesSection({ lang, metrics }: { lang: ConsoleLang; metrics: AgencyMetrics }) {
  const pct = (share: number) => Math.round(share * 100);
  return (
    <section id="agencies">
      <h2>{ta(lang, 'agencies')}</h2>
      {metrics.rows.length ? (
        <HorizontalBarChart
          bars={metrics.rows.map((r) => ({ label: r.name, value: pct(r.overSlaShare) }))}
          title={`${ta(lang, 'agencies')}: ${ta(lang, 'overShare')}`}
          unit="%"
        />
      ) : null}
      <DataTable
        headers={[
          ta(lang, 'agency'),
          ta(lang, 'forwarded'),
          ta(lang, 'medianDays'),
          ta(lang, 'overShare'),
          ta(lang, 'openNow'),
          ta(lang, 'longestWait'),
        ]}
        empty={t(lang, 'none')}
      >
        {metrics.rows.map((r) => (
          <tr>
            <td>{r.name}</td>
            <td>{r.forwarded}</td>
            <td>{r.medianDays === null ? '-' : r.medianDays}</td>
            <td>{`${pct(r.overSlaShare)}%`}</td>
            <td>{r.openNow}</td>
            <td>{r.longestOpenDays === null ? '-' : r.longestOpenDays}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
