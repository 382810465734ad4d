import { HANDOFF_OUTCOMES } from '../../../../app/officer/handoff-outcomes.js';
import type { DashboardMetrics } from '../../../../app/officer/metrics.js';
import type { ConsoleLang } from '../../console-i18n.js';
import { outcomeLabel, tWorkspace } from '../../workspace-i18n.js';

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
      <h2>{tWorkspace(lang, 'resolutionsTitle')}</h2>
      <p>
        <small>{tWorkspace(lang, 'resolutionsHelp')}</small>
      </p>
      <table>
        <thead>
          <tr>
            <th>{tWorkspace(lang, 'resolution')}</th>
            <th>{tWorkspace(lang, 'total')}</th>
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
            <th>{tWorkspace(lang, 'total')}</th>
            <th>{total}</th>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
