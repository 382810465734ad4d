import type { DashboardMetrics } from '../../../../app/officer/metrics.js';
import { WEEK_ORDER } from '../../../../app/officer/metric-math.js';
import type { ConsoleLang } from '../../console-i18n.js';
import { ts, weekdayName } from '../../supervisor-i18n.js';
import { orDash, StatsList } from './stats-list.js';
import { HeatMap } from './svg-chart.js';

/** How long citizens waited for an officer to take their conversation, and who waits now. */
export function HandoffsSection({
  lang,
  handoffs: h,
}: {
  lang: ConsoleLang;
  handoffs: DashboardMetrics['handoffs'];
}) {
  return (
    <section id="handoffs">
      <h2>{ts(lang, 'handoffTitle')}</h2>
      <StatsList
        rows={[
          [ts(lang, 'claimed'), h.claimed],
          [ts(lang, 'medianWait'), orDash(h.medianMinutes)],
          [ts(lang, 'p90Wait'), orDash(h.p90Minutes)],
          [ts(lang, 'maxWait'), orDash(h.maxMinutes)],
          [ts(lang, 'waitingNow'), h.waitingNow],
          [ts(lang, 'longestNow'), orDash(h.longestWaitingMinutes)],
        ]}
      />
    </section>
  );
}

/** Load by weekday (Monday first) and WIB hour, as a heat map. */
export function LoadSection({ lang, load }: { lang: ConsoleLang; load: DashboardMetrics['load'] }) {
  return (
    <section id="load">
      <h2>{ts(lang, 'loadTitle')}</h2>
      <p>
        <small>{`${ts(lang, 'loadHelp')} (${load.total})`}</small>
      </p>
      <HeatMap
        rows={WEEK_ORDER.map((d) => ({ label: weekdayName(lang, d), values: load.byWeekdayHour[d] ?? [] }))}
        title={ts(lang, 'loadTitle')}
      />
    </section>
  );
}
