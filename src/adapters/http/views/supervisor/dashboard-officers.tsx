import type { DashboardMetrics } from '../../../../app/officer/metrics.js';
import { t, type ConsoleLang } from '../../console-i18n.js';
import { ts } from '../../supervisor-i18n.js';
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
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th>{ts(lang, 'officer')}</th>
              <th>{ts(lang, 'completed')}</th>
              <th>{ts(lang, 'conversations')}</th>
              <th>{ts(lang, 'points')}</th>
            </tr>
          </thead>
          <tbody>
            {officers.length === 0 ? (
              <tr>
                <td colspan={4}>{t(lang, 'none')}</td>
              </tr>
            ) : (
              officers.map((o) => (
                <tr>
                  <td>
                    {o.displayName} <small>{`(${o.username})`}</small>
                  </td>
                  <td>{o.completed}</td>
                  <td>{o.conversations}</td>
                  <td>{o.points}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
