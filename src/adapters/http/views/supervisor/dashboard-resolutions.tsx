import { HANDOFF_OUTCOMES } from '../../../../app/officer/handoff-outcomes.js';
import type { DashboardMetrics } from '../../../../app/officer/metrics.js';
import type { ConsoleLang } from '../../console-i18n.js';
import { outcomeLabel, tw } from '../../workspace-i18n.js';

/** How conversations ended in the window: one row per resolution, and the total. */
export function ResolutionsSection({
  lang,
  resolutions,
}: {
  lang: ConsoleLang;
  resolutions: DashboardMetrics['resolutions'];
}) {
  const total = HANDOFF_OUTCOMES.reduce((sum, o) => sum + resolutions[o], 0);
  return (
    <section id="resolutions">
      <h2>{tw(lang, 'resolutionsTitle')}</h2>
      <p>
        <small>{tw(lang, 'resolutionsHelp')}</small>
      </p>
      <table>
        <thead>
          <tr>
            <th>{tw(lang, 'resolution')}</th>
            <th>{tw(lang, 'total')}</th>
          </tr>
        </thead>
        <tbody>
          {HANDOFF_OUTCOMES.map((o) => (
            <tr data-resolution={o}>
              <td>{outcomeLabel(lang, o)}</td>
              <td>{resolutions[o]}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th>{tw(lang, 'total')}</th>
            <th>{total}</th>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
