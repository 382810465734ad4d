import { STATUSES, type Application } from '../../domain/application.js';
import { allowedNext, describeStatus } from '../../domain/status.js';
import { maskNik } from '../../domain/nik.js';
import type { AuditEvent } from '../../ports/event-log.js';
import type { HandoffTicket } from '../../ports/handoff-repository.js';
import type { OfficerActor } from '../../app/officer/officer-actor.js';
import { csrfField, esc } from './console-html.js';
import { t, type ConsoleLang } from './console-i18n.js';
import { isOverdue, maskChat } from './json-views.js';
import { AuditTable } from './views/audit-table.js';
import { renderFragment } from './views/html.js';

const fmt = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');

/** The login form. */
export function loginBody(lang: ConsoleLang, csrf: string, username = ''): string {
  return `<form method="post" action="/console/login" class="card">${csrfField(csrf)}
<label>${t(lang, 'username')}<input name="username" autocomplete="username" required value="${esc(username)}"></label>
<label>${t(lang, 'password')}<input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">${t(lang, 'login')}</button></form>`;
}

/** The filter bar and table of applications. */
export function listBody(
  lang: ConsoleLang,
  q: Record<string, string>,
  apps: Application[],
  total: number,
  now: Date,
): string {
  const opt = (v: string, label: string, cur?: string) =>
    `<option value="${esc(v)}"${v === cur ? ' selected' : ''}>${esc(label)}</option>`;
  const rows = apps
    .map(
      (
        a,
      ) => `<tr${isOverdue(a, now) ? ' class="late"' : ''}><td><a href="/console/applications/${esc(a.id)}">${esc(a.trackingNumber)}</a></td>
<td>${esc(a.serviceId)}</td><td>${esc(a.applicant.name)}<br><small>${esc(maskNik(a.applicant.nik))}</small></td>
<td>${esc(describeStatus(a.status, lang))}</td><td>${esc(a.officeId)}</td><td>${esc(fmt(a.slaDueAt))}</td></tr>`,
    )
    .join('');
  return `<form method="get" action="/console/applications" class="filters">
<input name="q" placeholder="${t(lang, 'search')}" value="${esc(q.q)}">
<input name="service" placeholder="${t(lang, 'service')}" value="${esc(q.service)}">
<select name="status">${opt('', t(lang, 'all'), q.status)}${STATUSES.map((s) => opt(s, describeStatus(s, lang), q.status)).join('')}</select>
<input name="office" placeholder="${t(lang, 'office')}" value="${esc(q.office)}">
<label>${t(lang, 'from')}<input type="date" name="from" value="${esc(q.from)}"></label>
<label>${t(lang, 'to')}<input type="date" name="to" value="${esc(q.to)}"></label>
<label><input type="checkbox" name="overdue" value="true"${q.overdue === 'true' ? ' checked' : ''}> ${t(lang, 'overdue')}</label>
<button>${t(lang, 'filter')}</button></form>
<p>${apps.length} / ${total}</p>
<div class="scroll"><table><thead><tr><th>${t(lang, 'tracking')}</th><th>${t(lang, 'service')}</th><th>${t(lang, 'applicant')}</th><th>${t(lang, 'status')}</th><th>${t(lang, 'office')}</th><th>${t(lang, 'due')}</th></tr></thead>
<tbody>${rows || `<tr><td colspan="6">${t(lang, 'none')}</td></tr>`}</tbody></table></div>`;
}

/** Answers, documents, history and the status form of one application. */
export function detailBody(
  lang: ConsoleLang,
  csrf: string,
  app: Application,
  history: AuditEvent[],
  officer: OfficerActor,
  errors: Record<string, string> = {},
  /** A step's label from locales/ (assisted intake carries the catalog); the id otherwise. */
  labelOf: (stepId: string) => string = (id) => id,
): string {
  const next = allowedNext(app.status, { kind: 'officer', id: officer.id });
  // Each answer or document step once (a step with 3 files is one thing to fix).
  const steps = [...new Set([...Object.keys(app.answers), ...app.documents.map((d) => d.stepId)])];
  const err = (k: string) => (errors[k] ? `<span class="error">${esc(errors[k])}</span>` : '');
  const form = next.length
    ? `<form method="post" action="/console/applications/${esc(app.id)}/status" class="card">${csrfField(csrf)}
<input type="hidden" name="version" value="${app.version}">
<label>${t(lang, 'newStatus')}<select name="to">${next.map((s) => `<option value="${s}">${esc(describeStatus(s, lang))}</option>`).join('')}</select></label>${err('to')}
<label>${t(lang, 'note')}<textarea name="note" rows="2"></textarea></label>
<label>${t(lang, 'reason')}<textarea name="reason" rows="2"></textarea></label>${err('reason')}
<label>${t(lang, 'revisionStep')}<select name="revisionStep"><option value=""></option>${steps.map((s) => `<option value="${esc(s)}">${esc(labelOf(s) === s ? s : `${labelOf(s)} (${s})`)}</option>`).join('')}</select></label>${err('revision.stepId')}
<label>${t(lang, 'revisionNote')}<textarea name="revisionNote" rows="2"></textarea></label>${err('revision.note')}${err('revision')}
<button type="submit">${t(lang, 'save')}</button></form>`
    : `<p>${t(lang, 'noNext')}</p>`;
  return `<p><strong>${esc(app.trackingNumber)}</strong> · ${esc(app.serviceId)} · <span class="status">${esc(describeStatus(app.status, lang))}</span> · ${esc(app.officeId)}</p>
<p>${t(lang, 'applicant')}: ${esc(app.applicant.name)} · NIK ${esc(maskNik(app.applicant.nik))}${app.applicant.phone ? ` · ${esc(app.applicant.phone)}` : ''}</p>
${app.revision ? `<p class="flash error">${esc(app.revision.stepId)}: ${esc(app.revision.note)}</p>` : ''}
<h2>${t(lang, 'changeStatus')}</h2>${form}
<h2>${t(lang, 'answers')}</h2><dl>${Object.entries(app.answers)
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`)
    .join('')}</dl>
<h2>${t(lang, 'documents')}</h2><ul>${app.documents.map((d) => `<li><a href="/api/applications/${esc(app.id)}/documents/${esc(d.id)}" target="_blank" rel="noopener">${esc(d.filename)}</a> (${esc(d.stepId)}, ${esc(d.contentType)})</li>`).join('') || `<li>${t(lang, 'none')}</li>`}</ul>
<h2>${t(lang, 'history')}</h2><ol>${app.statusHistory.map((h) => `<li>${esc(fmt(h.at))}: ${esc(h.from ?? '-')} → ${esc(h.to)} (${esc(h.by.kind)})${h.note ? ` · ${esc(h.note)}` : ''}</li>`).join('')}</ol>
<details id="audit"><summary>Audit (${history.length})</summary>${renderFragment(<AuditTable lang={lang} entries={history} />)}</details>`;
}

/** A reason in words. */
function reasonText(lang: ConsoleLang, r: HandoffTicket['reason']): string {
  return t(lang, r);
}

/** The live queue; console.js refreshes its rows from the event stream. */
export function queueBody(lang: ConsoleLang, csrf: string, tickets: HandoffTicket[], now: Date): string {
  const rows = tickets.map((tk) => queueRow(lang, csrf, tk, now)).join('');
  return `<button type="button" id="enable-alerts">${t(lang, 'enableAlerts')}</button>
<div class="scroll"><table id="queue" data-stream="/console/queue/stream" data-alert="${esc(t(lang, 'newWaiting'))}"><thead><tr><th>${t(lang, 'citizen')}</th><th>${t(lang, 'channel')}</th><th>${t(lang, 'reasonCol')}</th><th>${t(lang, 'waiting')}</th><th></th></tr></thead>
<tbody>${rows || `<tr class="empty"><td colspan="5">${t(lang, 'none')}</td></tr>`}</tbody></table></div>`;
}

/** One queue row; the stream sends these rendered, so the page needs no template of its own. */
export function queueRow(lang: ConsoleLang, csrf: string, tk: HandoffTicket, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - tk.createdAt.getTime()) / 60_000));
  return `<tr data-id="${esc(tk.id)}"${tk.priority ? ' class="priority"' : ''}><td>${esc(tk.citizenName ?? maskChat(tk.chatId))}</td><td>${esc(tk.channel)}</td>
<td>${tk.priority ? `<strong>${t(lang, 'priority')}</strong> ` : ''}${esc(reasonText(lang, tk.reason))}</td><td>${minutes} ${t(lang, 'minutes')}</td>
<td><form method="post" action="/console/handoffs/${esc(tk.id)}/claim">${csrfField(csrf)}<button>${t(lang, 'claim')}</button></form></td></tr>`;
}

/** A claimed conversation: transcript, the citizen's applications, reply box with canned replies, release and close. */
export function conversationBody(
  lang: ConsoleLang,
  csrf: string,
  tk: HandoffTicket,
  apps: Application[],
  canned: string[],
): string {
  const lines = tk.transcript
    .map(
      (l) =>
        `<li class="from-${esc(l.from)}"><small>${esc(fmt(l.at))} · ${esc(l.from)}</small><br>${esc(l.text)}</li>`,
    )
    .join('');
  const actions =
    tk.status === 'closed'
      ? `<p>${t(lang, 'closed')}</p>`
      : `<form method="post" action="/console/handoffs/${esc(tk.id)}/reply" class="card" id="reply-form">${csrfField(csrf)}
<label>${t(lang, 'canned')}<span class="canned">${canned.map((c) => `<button type="button" class="canned-reply" data-text="${esc(c)}">${esc(c.slice(0, 40))}</button>`).join(' ')}</span></label>
<textarea name="text" id="reply-text" rows="3" required maxlength="4000"></textarea>
<button type="submit">${t(lang, 'reply')}</button></form>
<form method="post" action="/console/handoffs/${esc(tk.id)}/release" class="inline">${csrfField(csrf)}<button>${t(lang, 'release')}</button></form>
<form method="post" action="/console/handoffs/${esc(tk.id)}/close" class="inline">${csrfField(csrf)}<button>${t(lang, 'close')}</button></form>`;
  return `<p>${esc(tk.citizenName ?? maskChat(tk.chatId))} · ${esc(tk.channel)} · ${esc(reasonText(lang, tk.reason))}</p>
<ol class="transcript" id="transcript">${lines}</ol>${actions}
<h2>${t(lang, 'citizenApps')}</h2><ul>${apps.map((a) => `<li><a href="/console/applications/${esc(a.id)}">${esc(a.trackingNumber)}</a> ${esc(describeStatus(a.status, lang))}</li>`).join('') || `<li>${t(lang, 'none')}</li>`}</ul>`;
}
