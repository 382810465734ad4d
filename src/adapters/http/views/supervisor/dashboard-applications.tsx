import type { DashboardMetrics } from '../../../../app/officer/metrics.js';
import type { ApplicationStatus } from '../../../../domain/application.js';
import { addDays } from '../../../../domain/jakarta-time.js';
import { describeStatus } from '../../../../domain/status.js';
import { t, type ConsoleLang } from '../../console-i18n.js';
import { ts } from '../../supervisor-i18n.js';
import { fmtWib } from '../audit-table.js';
import { DataTable } from '../data-table.js';
import type { DashboardWindow } from './dashboard-window.js';
import { orDash, StatsList } from './stats-list.js';
import { BarChart, HorizontalBarChart } from './svg-chart.js';

/** Longest run of days the per-day chart draws; the metrics window is shorter than this anyway. */
const MAX_DAYS = 400;

function daysOf({ from, to }: DashboardWindow): string[] {
  const days: string[] = [];
  for (let d = from; d <= to && days.length < MAX_DAYS; d = addDays(d, 1)) days.push(d);
  return days;
}

/** New applications per day over the whole window (empty days drawn as zero), then per office. */
export function PerDaySection({
  lang,
  days,
  perDay,
}: {
  lang: ConsoleLang;
  days: DashboardWindow;
  perDay: DashboardMetrics['applicationsPerDay'];
}) {
  const totals = new Map<string, number>();
  for (const r of perDay) totals.set(r.date, (totals.get(r.date) ?? 0) + r.count);
  return (
    <section id="per-day">
      <h2>{ts(lang, 'perDayTitle')}</h2>
      <BarChart
        bars={daysOf(days).map((d) => ({ label: d.slice(5), value: totals.get(d) ?? 0 }))}
        title={ts(lang, 'perDayTitle')}
      />
      <details>
        <summary>{ts(lang, 'perOfficeDay')}</summary>
        <DataTable headers={[ts(lang, 'date'), t(lang, 'office'), ts(lang, 'count')]} empty={t(lang, 'none')}>
          {perDay.map((r) => (
            <tr>
              <td>{r.date}</td>
              <td>
                {r.officeName} <small>{r.officeId}</small>
              </td>
              <td>{r.count}</td>
            </tr>
          ))}
        </DataTable>
      </details>
    </section>
  );
}

/** Processing time against the SLA: the two medians as bars, then the counts. */
export function ProcessingSection({
  lang,
  processing: p,
}: {
  lang: ConsoleLang;
  processing: DashboardMetrics['processing'];
}) {
  return (
    <section id="processing">
      <h2>{ts(lang, 'processingTitle')}</h2>
      {p.finished ? (
        <HorizontalBarChart
          bars={[
            { label: ts(lang, 'medianHours'), value: p.medianHours ?? 0 },
            { label: ts(lang, 'medianSla'), value: p.medianSlaHours ?? 0 },
          ]}
          title={ts(lang, 'processingTitle')}
          unit={ts(lang, 'hoursUnit')}
        />
      ) : null}
      <StatsList
        rows={[
          [ts(lang, 'finished'), p.finished],
          [ts(lang, 'medianHours'), orDash(p.medianHours)],
          [ts(lang, 'medianSla'), orDash(p.medianSlaHours)],
          [ts(lang, 'withinSla'), p.withinSla],
          [ts(lang, 'lateDone'), p.late],
        ]}
      />
    </section>
  );
}

/** Applications past their due time, with a link to the full list when only the first are shown. */
export function OverdueSection({
  lang,
  overdue,
}: {
  lang: ConsoleLang;
  overdue: DashboardMetrics['overdue'];
}) {
  return (
    <section id="overdue">
      <h2>{`${ts(lang, 'overdueTitle')}: ${overdue.total}`}</h2>
      <DataTable
        headers={[
          t(lang, 'tracking'),
          t(lang, 'service'),
          t(lang, 'office'),
          t(lang, 'status'),
          t(lang, 'due'),
          ts(lang, 'daysLate'),
        ]}
        empty={t(lang, 'none')}
      >
        {overdue.items.map((a) => (
          <tr class="late">
            <td>
              <a href={`/console/applications/${a.id}`}>{a.trackingNumber}</a>
            </td>
            <td>{a.serviceId}</td>
            <td>{a.officeId}</td>
            <td>{describeStatus(a.status as ApplicationStatus, lang)}</td>
            <td>{fmtWib(new Date(a.slaDueAt))}</td>
            <td>{a.daysLate}</td>
          </tr>
        ))}
      </DataTable>
      {overdue.total > overdue.items.length ? (
        <p>
          <a href="/console/applications?overdue=true">{`${t(lang, 'applications')} »`}</a>
        </p>
      ) : null}
    </section>
  );
}
