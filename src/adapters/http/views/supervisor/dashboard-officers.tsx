import type { DashboardMetrics } from '../../../../app/officer/metrics.js';
import { t, type ConsoleLang } from '../../console-i18n.js';
import { ts } from '../../supervisor-i18n.js';
import { DataTable } from '../data-table.js';
import { HorizontalBarChart } from './svg-chart.js';

/** Points per officer: a bar each, then the counts they are made of. */
export function PointsSection({
  lang,
  officers,
}: {
  lang: ConsoleLang;
  officers: DashboardMetrics['officers'];
}) {
  return (
    <section id="points">
      <h2>{ts(lang, 'pointsTitle')}</h2>
      <p>
        <small>{ts(lang, 'pointsHelp')}</small>
      </p>
      {officers.length ? (
        <HorizontalBarChart
          bars={officers.map((o) => ({ label: o.displayName, value: o.points }))}
          title={ts(lang, 'pointsTitle')}
        />
      ) : null}
      <DataTable
        headers={[ts(lang, 'officer'), ts(lang, 'completed'), ts(lang, 'conversations'), ts(lang, 'points')]}
        empty={t(lang, 'none')}
      >
        {officers.map((o) => (
          <tr>
            <td>
              {o.displayName} <small>{`(${o.username})`}</small>
            </td>
            <td>{o.completed}</td>
            <td>{o.conversations}</td>
            <td>{o.points}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
