import type { DashboardMetrics } from '../../../../app/officer/metrics.js';
import type { SatisfactionMetrics } from '../../../../app/officer/satisfaction-metrics.js';
import { t, type ConsoleLang } from '../../console-i18n.js';
import { ts } from '../../supervisor-i18n.js';
import type { PendingDeletions } from '../../../../ports/deletion-request-repository.js';
import { DeletionsSection } from './dashboard-deletions.js';
import { OverdueSection, PerDaySection, ProcessingSection } from './dashboard-applications.js';
import { PointsSection } from './dashboard-officers.js';
import { SatisfactionSection } from './dashboard-satisfaction.js';
import { HandoffsSection, LoadSection } from './dashboard-waiting.js';
import { ResolutionsSection } from './dashboard-resolutions.js';
import type { DashboardWindow } from './dashboard-window.js';
import type { AgencyMetrics } from '../../../../app/officer/agency-metrics.js';
import { AgenciesSection } from './dashboard-agencies.js';

/** The supervisor dashboard: filter bar, then each metric as a chart with its numbers beside it. */
export function DashboardView({
  lang,
  days,
  metrics: m,
  satisfaction,
  deletions,
  agencies,
}: {
  lang: ConsoleLang;
  days: DashboardWindow;
  metrics: DashboardMetrics;
  /** Citizens' satisfaction (IKM) per officer and office; absent, the section is left out. */
  satisfaction?: SatisfactionMetrics;
  /** Citizens' deletion requests waiting, with the nearest deadline; absent, left out. */
  deletions?: { pending: PendingDeletions; now: Date };
  /** The agencies applications were forwarded to, latest first; absent, left out. */
  agencies?: AgencyMetrics;
}) {
  return (
    <>
      <form method="get" action="/console/dashboard" class="filters">
        <label>
          {t(lang, 'from')}
          <input type="date" name="from" value={days.from} />
        </label>
        <label>
          {t(lang, 'to')}
          <input type="date" name="to" value={days.to} />
        </label>
        <label>
          {t(lang, 'office')}
          <input name="officeId" value={days.officeId} />
        </label>
        <button>{ts(lang, 'show')}</button>
      </form>
      {m.truncated ? <p class="flash error">{ts(lang, 'truncated')}</p> : null}
      {deletions ? <DeletionsSection lang={lang} {...deletions} /> : null}
      <PointsSection lang={lang} officers={m.officers} />
      {satisfaction ? <SatisfactionSection lang={lang} metrics={satisfaction} /> : null}
      <PerDaySection lang={lang} days={days} perDay={m.applicationsPerDay} />
      <ProcessingSection lang={lang} processing={m.processing} />
      <OverdueSection lang={lang} overdue={m.overdue} />
      {agencies ? <AgenciesSection lang={lang} metrics={agencies} /> : null}
      <HandoffsSection lang={lang} handoffs={m.handoffs} />
      <ResolutionsSection lang={lang} resolutions={m.resolutions} />
      <LoadSection lang={lang} load={m.load} />
    </>
  );
}
