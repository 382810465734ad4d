import type { DashboardMetrics } from '../../app/officer/metrics.js';
import { WEEK_ORDER } from '../../app/officer/metric-math.js';
import type { UndeliveredNotice } from '../../app/officer/list-undelivered.js';
import type { AuditEntry } from '../../app/officer/search-audit.js';
import { addDays } from '../../domain/jakarta-time.js';
import { describeStatus } from '../../domain/status.js';
import type { ApplicationStatus } from '../../domain/application.js';
import type { OutboxItem } from '../../ports/outbox.js';
import { esc } from './console-html.js';
import { t, type ConsoleLang } from './console-i18n.js';
import { maskChat } from './json-views.js';
import { ts } from './supervisor-i18n.js';
import { barChart, heatMap, horizontalBarChart } from './svg-chart.js';
import { AuditTable, fmtWib } from './views/audit-table.js';
import { renderFragment } from './views/html.js';

const DAY_NAMES: Record<ConsoleLang, readonly string[]> = {
  id: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

const num = (n: number | null) => (n === null ? '-' : String(n));

function dl(rows: Array<[string, string | number]>): string {
  return `<dl class="stats">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
}

/** Pager links that keep the current filters. */
export function pager(
  lang: ConsoleLang,
  path: string,
  q: Record<string, string>,
  offset: number,
  limit: number,
  total: number,
): string {
  const link = (o: number, label: string) =>
    `<a href="${esc(`${path}?${new URLSearchParams({ ...q, offset: String(o), limit: String(limit) }).toString()}`)}">${esc(label)}</a>`;
  const prev = offset > 0 ? link(Math.max(0, offset - limit), ts(lang, 'previous')) : '';
  const next = offset + limit < total ? link(offset + limit, ts(lang, 'next')) : '';
  const shown = total === 0 ? '0' : `${offset + 1}-${Math.min(offset + limit, total)}`;
  return `<p class="pager">${prev} <span>${shown} / ${total}</span> ${next}</p>`;
}

/** The supervisor dashboard: filter bar, then each metric as a chart with its numbers beside it. */
export function dashboardBody(
  lang: ConsoleLang,
  q: { from: string; to: string; officeId: string },
  m: DashboardMetrics,
): string {
  const filters = `<form method="get" action="/console/dashboard" class="filters">
<label>${t(lang, 'from')}<input type="date" name="from" value="${esc(q.from)}"></label>
<label>${t(lang, 'to')}<input type="date" name="to" value="${esc(q.to)}"></label>
<label>${t(lang, 'office')}<input name="officeId" value="${esc(q.officeId)}"></label>
<button>${ts(lang, 'show')}</button></form>`;
  const warn = m.truncated ? `<p class="flash error">${ts(lang, 'truncated')}</p>` : '';

  const officerRows = m.officers
    .map(
      (o) =>
        `<tr><td>${esc(o.displayName)} <small>(${esc(o.username)})</small></td><td>${o.completed}</td><td>${o.conversations}</td><td>${o.points}</td></tr>`,
    )
    .join('');
  const points = `<section id="points"><h2>${ts(lang, 'pointsTitle')}</h2><p><small>${ts(lang, 'pointsHelp')}</small></p>
${
  m.officers.length
    ? horizontalBarChart(
        m.officers.map((o) => ({ label: o.displayName, value: o.points })),
        ts(lang, 'pointsTitle'),
      )
    : ''
}
<div class="scroll"><table><thead><tr><th>${ts(lang, 'officer')}</th><th>${ts(lang, 'completed')}</th><th>${ts(lang, 'conversations')}</th><th>${ts(lang, 'points')}</th></tr></thead>
<tbody>${officerRows || `<tr><td colspan="4">${t(lang, 'none')}</td></tr>`}</tbody></table></div></section>`;

  const totals = new Map<string, number>();
  for (const r of m.applicationsPerDay) totals.set(r.date, (totals.get(r.date) ?? 0) + r.count);
  const days: string[] = [];
  for (let d = q.from; d <= q.to && days.length < 400; d = addDays(d, 1)) days.push(d);
  const perDay = `<section id="per-day"><h2>${ts(lang, 'perDayTitle')}</h2>
${barChart(
  days.map((d) => ({ label: d.slice(5), value: totals.get(d) ?? 0 })),
  ts(lang, 'perDayTitle'),
)}
<details><summary>${ts(lang, 'perOfficeDay')}</summary><div class="scroll"><table><thead><tr><th>${ts(lang, 'date')}</th><th>${t(lang, 'office')}</th><th>${ts(lang, 'count')}</th></tr></thead><tbody>
${m.applicationsPerDay.map((r) => `<tr><td>${esc(r.date)}</td><td>${esc(r.officeName)} <small>${esc(r.officeId)}</small></td><td>${r.count}</td></tr>`).join('') || `<tr><td colspan="3">${t(lang, 'none')}</td></tr>`}
</tbody></table></div></details></section>`;

  const p = m.processing;
  const processing = `<section id="processing"><h2>${ts(lang, 'processingTitle')}</h2>
${
  p.finished
    ? horizontalBarChart(
        [
          { label: ts(lang, 'medianHours'), value: p.medianHours ?? 0 },
          { label: ts(lang, 'medianSla'), value: p.medianSlaHours ?? 0 },
        ],
        ts(lang, 'processingTitle'),
        { unit: lang === 'id' ? 'jam' : 'h' },
      )
    : ''
}
${dl([
  [ts(lang, 'finished'), p.finished],
  [ts(lang, 'medianHours'), num(p.medianHours)],
  [ts(lang, 'medianSla'), num(p.medianSlaHours)],
  [ts(lang, 'withinSla'), p.withinSla],
  [ts(lang, 'lateDone'), p.late],
])}</section>`;

  const overdue = `<section id="overdue"><h2>${ts(lang, 'overdueTitle')}: ${m.overdue.total}</h2>
<div class="scroll"><table><thead><tr><th>${t(lang, 'tracking')}</th><th>${t(lang, 'service')}</th><th>${t(lang, 'office')}</th><th>${t(lang, 'status')}</th><th>${t(lang, 'due')}</th><th>${ts(lang, 'daysLate')}</th></tr></thead><tbody>
${
  m.overdue.items
    .map(
      (a) =>
        `<tr class="late"><td><a href="/console/applications/${esc(a.id)}">${esc(a.trackingNumber)}</a></td><td>${esc(a.serviceId)}</td><td>${esc(a.officeId)}</td><td>${esc(describeStatus(a.status as ApplicationStatus, lang))}</td><td>${esc(fmtWib(new Date(a.slaDueAt)))}</td><td>${a.daysLate}</td></tr>`,
    )
    .join('') || `<tr><td colspan="6">${t(lang, 'none')}</td></tr>`
}</tbody></table></div>
${m.overdue.total > m.overdue.items.length ? `<p><a href="/console/applications?overdue=true">${t(lang, 'applications')} »</a></p>` : ''}</section>`;

  const h = m.handoffs;
  const handoffs = `<section id="handoffs"><h2>${ts(lang, 'handoffTitle')}</h2>${dl([
    [ts(lang, 'claimed'), h.claimed],
    [ts(lang, 'medianWait'), num(h.medianMinutes)],
    [ts(lang, 'p90Wait'), num(h.p90Minutes)],
    [ts(lang, 'maxWait'), num(h.maxMinutes)],
    [ts(lang, 'waitingNow'), h.waitingNow],
    [ts(lang, 'longestNow'), num(h.longestWaitingMinutes)],
  ])}</section>`;

  const load = `<section id="load"><h2>${ts(lang, 'loadTitle')}</h2><p><small>${ts(lang, 'loadHelp')} (${m.load.total})</small></p>
${heatMap(
  WEEK_ORDER.map((d) => ({ label: DAY_NAMES[lang][d]!, values: m.load.byWeekdayHour[d] ?? [] })),
  ts(lang, 'loadTitle'),
)}</section>`;

  return filters + warn + points + perDay + processing + overdue + handoffs + load;
}

/** The audit search page: filter form, results, pager. */
export function auditBody(
  lang: ConsoleLang,
  q: Record<string, string>,
  result: { items: AuditEntry[]; total: number },
  types: readonly string[],
  officers: ReadonlyArray<{ username: string; displayName: string }>,
  paging: { offset: number; limit: number },
): string {
  const opt = (v: string, label: string, cur?: string) =>
    `<option value="${esc(v)}"${v === cur ? ' selected' : ''}>${esc(label)}</option>`;
  return `<form method="get" action="/console/audit" class="filters">
<label>${ts(lang, 'officer')}<select name="officer">${opt('', t(lang, 'all'), q.officer)}${officers.map((o) => opt(o.username, `${o.displayName} (${o.username})`, q.officer)).join('')}</select></label>
<label>${ts(lang, 'action')}<select name="type">${opt('', t(lang, 'all'), q.type)}${types.map((ty) => opt(ty, ty, q.type)).join('')}</select></label>
<label>${ts(lang, 'trackingNumber')}<input name="tracking" value="${esc(q.tracking)}"></label>
<label>${t(lang, 'from')}<input type="date" name="from" value="${esc(q.from)}"></label>
<label>${t(lang, 'to')}<input type="date" name="to" value="${esc(q.to)}"></label>
<button>${t(lang, 'filter')}</button></form>
${renderFragment(<AuditTable lang={lang} entries={result.items} />)}
${pager(lang, '/console/audit', withoutPaging(q), paging.offset, paging.limit, result.total)}`;
}

function withoutPaging(q: Record<string, string>): Record<string, string> {
  const { offset: _o, limit: _l, ...rest } = q;
  return rest;
}

/** What the detail page says when a status notice did not reach the citizen. */
export function undeliveredNotice(lang: ConsoleLang, items: readonly OutboxItem[]): string {
  if (items.length === 0) return '';
  const unreachable = items.some((i) => i.status === 'unreachable');
  return `<p class="flash error undelivered" role="status"><strong>${ts(lang, unreachable ? 'st_unreachable' : 'st_failed')}</strong>: ${ts(lang, unreachable ? 'unreachable' : 'failedNotice')} (${items.length})</p>`;
}

/** The deliveries page: who did not get their update. */
export function deliveriesBody(
  lang: ConsoleLang,
  q: Record<string, string>,
  result: { items: UndeliveredNotice[]; total: number },
  paging: { offset: number; limit: number },
): string {
  const opt = (v: string, label: string) =>
    `<option value="${esc(v)}"${v === (q.status ?? '') ? ' selected' : ''}>${esc(label)}</option>`;
  const rows = result.items
    .map(({ item, application: a }) => {
      const state = item.status === 'unreachable' ? ts(lang, 'st_unreachable') : ts(lang, 'st_failed');
      return `<tr class="${item.status === 'unreachable' ? 'late' : ''}"><td>${esc(fmtWib(item.createdAt))}</td>
<td>${a ? `<a href="/console/applications/${esc(a.id)}">${esc(a.trackingNumber)}</a>` : '-'}</td>
<td>${a ? esc(a.applicant.name) : ''}${a?.applicant.phone ? `<br><small>${esc(a.applicant.phone)}</small>` : ''}</td>
<td>${esc(item.channel)} ${esc(maskChat(item.chatId))}</td><td>${esc(state)}</td><td>${item.attempts}</td>
<td><small>${esc(item.lastError ?? '')}</small></td><td><small>${esc(item.payload.text.slice(0, 120))}</small></td></tr>`;
    })
    .join('');
  return `<p>${ts(lang, 'deliveriesHelp')}</p>
<form method="get" action="/console/deliveries" class="filters"><label>${ts(lang, 'deliveryStatus')}<select name="status">${opt('', t(lang, 'all'))}${opt('unreachable', ts(lang, 'st_unreachable'))}${opt('failed', ts(lang, 'st_failed'))}</select></label><button>${t(lang, 'filter')}</button></form>
<div class="scroll"><table id="deliveries"><thead><tr><th>${ts(lang, 'when')}</th><th>${t(lang, 'tracking')}</th><th>${t(lang, 'applicant')}</th><th>${t(lang, 'channel')}</th><th>${ts(lang, 'deliveryStatus')}</th><th>${ts(lang, 'attempts')}</th><th>${ts(lang, 'error')}</th><th>${ts(lang, 'message')}</th></tr></thead>
<tbody>${rows || `<tr><td colspan="8">${t(lang, 'none')}</td></tr>`}</tbody></table></div>
${pager(lang, '/console/deliveries', withoutPaging(q), paging.offset, paging.limit, result.total)}`;
}
