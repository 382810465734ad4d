import type { IkmRow, SatisfactionMetrics } from '../../../../app/officer/satisfaction-metrics.js';
import { t, type ConsoleLang } from '../../console-i18n.js';
import { ts } from '../../supervisor-i18n.js';
import { tWorkload } from '../../workload-i18n.js';
import { DataTable } from '../data-table.js';
import { StatsList } from './stats-list.js';

/** Two decimals with the locale's separator: "87,50" in Indonesian. */
function fmtIkm(lang: ConsoleLang, ikm: number): string {
  return ikm.toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
}

function IkmTable({
  lang,
  head,
  rows,
}: {
  lang: ConsoleLang;
  head: string;
  rows: ReadonlyArray<IkmRow & { label: string; sub?: string }>;
}) {
  return (
    <DataTable
      headers={[head, tWorkload(lang, 'ikm'), tWorkload(lang, 'grade'), tWorkload(lang, 'answers')]}
      empty={t(lang, 'none')}
    >
      {rows.map((r) => (
        <tr>
          <td>
            {r.label} {r.sub ? <small>{`(${r.sub})`}</small> : null}
          </td>
          <td class="ikm">{fmtIkm(lang, r.ikm)}</td>
          <td>{r.grade}</td>
          <td>{r.count}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/**
 * Citizens' satisfaction after conversations with officers, as the index (IKM, 25-100) per
 * officer and per office, each with its count of answers so a score from few answers reads as such.
 */
export function SatisfactionSection({
  lang,
  metrics: m,
}: {
  lang: ConsoleLang;
  metrics: SatisfactionMetrics;
}) {
  return (
    <section id="satisfaction">
      <h2>{tWorkload(lang, 'satisfactionTitle')}</h2>
      <p>
        <small>{tWorkload(lang, 'satisfactionHelp')}</small>
      </p>
      {m.truncated ? <p class="flash error">{ts(lang, 'truncated')}</p> : null}
      <StatsList
        rows={[
          [tWorkload(lang, 'ikm'), m.overall ? `${fmtIkm(lang, m.overall.ikm)} (${m.overall.grade})` : '-'],
          [tWorkload(lang, 'answers'), m.overall?.count ?? 0],
        ]}
      />
      <h3>{tWorkload(lang, 'perOfficer')}</h3>
      <IkmTable
        lang={lang}
        head={ts(lang, 'officer')}
        rows={m.officers.map((o) => ({ ...o, label: o.displayName, sub: o.username }))}
      />
      <h3>{tWorkload(lang, 'perOffice')}</h3>
      <IkmTable
        lang={lang}
        head={t(lang, 'office')}
        rows={m.offices.map((o) => ({ ...o, label: o.officeName, sub: o.officeId }))}
      />
    </section>
  );
}
