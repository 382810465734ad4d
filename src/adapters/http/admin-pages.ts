import type { OfficerListing } from '../../app/officer/manage-officers.js';
import type { Office } from '../../ports/office-repository.js';
import { csrfField, esc } from './console-html.js';
import { t, type ConsoleLang } from './console-i18n.js';
import { pager } from './dashboard-pages.js';
import { fmtWib } from './views/audit-table.js';
import { ts } from './supervisor-i18n.js';

const ROLES = ['officer', 'supervisor', 'admin'] as const;

/** The accounts page: create form first (the common task), then every account with its actions. */
export function officersBody(
  lang: ConsoleLang,
  csrf: string,
  officers: readonly OfficerListing[],
  selfId: string,
  form: Record<string, string> = {},
  errors: Record<string, string> = {},
): string {
  const err = (k: string) => (errors[k] ? `<span class="error">${esc(errors[k])}</span>` : '');
  const create = `<h2>${ts(lang, 'newOfficer')}</h2>
<form method="post" action="/console/admin/officers" class="card" id="new-officer">${csrfField(csrf)}
<label>${t(lang, 'username')}<input name="username" required autocomplete="off" value="${esc(form.username)}"></label>${err('username')}
<label>${ts(lang, 'displayName')}<input name="displayName" required value="${esc(form.displayName)}"></label>${err('displayName')}
<label>${t(lang, 'password')}<input name="password" type="password" required minlength="10" autocomplete="new-password"></label>${err('password')}
<label>${ts(lang, 'role')}<select name="role">${ROLES.map((r) => `<option value="${r}"${form.role === r ? ' selected' : ''}>${ts(lang, `role_${r}`)}</option>`).join('')}</select></label>${err('role')}
<label>${ts(lang, 'officeCode')}<input name="officeId" required placeholder="31.71.01.1001" value="${esc(form.officeId)}"></label>${err('officeId')}
<button type="submit">${ts(lang, 'create')}</button></form>`;
  const rows = officers
    .map((o) => {
      const action = (path: string, label: string, extra = '') =>
        `<form method="post" action="/console/admin/officers/${esc(o.id)}/${path}" class="inline">${csrfField(csrf)}${extra}<button>${esc(label)}</button></form>`;
      const toggle =
        o.id === selfId
          ? ''
          : o.active
            ? action('active', ts(lang, 'disable'), '<input type="hidden" name="active" value="false">')
            : action('active', ts(lang, 'enable'), '<input type="hidden" name="active" value="true">');
      const locked = o.lockedUntil ? ` · ${ts(lang, 'locked')} ${esc(fmtWib(o.lockedUntil))}` : '';
      return `<tr data-username="${esc(o.username)}"${o.active ? '' : ' class="late"'}><td>${esc(o.username)}</td><td>${esc(o.displayName)}</td><td>${ts(lang, `role_${o.role}`)}</td><td>${esc(o.officeId)}</td>
<td>${o.active ? ts(lang, 'active') : ts(lang, 'inactive')}${locked}</td><td>${o.apiTokens}</td>
<td class="actions">${toggle}
<form method="post" action="/console/admin/officers/${esc(o.id)}/password" class="inline">${csrfField(csrf)}<input name="password" type="password" minlength="10" required autocomplete="new-password" placeholder="${esc(ts(lang, 'newPassword'))}" aria-label="${esc(ts(lang, 'newPassword'))}"><button>${ts(lang, 'resetPassword')}</button></form>
${action('tokens', ts(lang, 'issueToken'))}${o.apiTokens ? action('tokens/revoke', ts(lang, 'revokeTokens')) : ''}</td></tr>`;
    })
    .join('');
  return `${create}<h2>${ts(lang, 'admin')}</h2>
<div class="scroll"><table id="officers"><thead><tr><th>${t(lang, 'username')}</th><th>${ts(lang, 'displayName')}</th><th>${ts(lang, 'role')}</th><th>${t(lang, 'office')}</th><th>${t(lang, 'status')}</th><th>${ts(lang, 'tokens')}</th><th></th></tr></thead>
<tbody>${rows || `<tr><td colspan="7">${t(lang, 'none')}</td></tr>`}</tbody></table></div>
<p><a href="/console/admin/offices">${ts(lang, 'offices')} »</a></p>`;
}

/** The one page that shows a new API token; it is never shown again. */
export function tokenBody(lang: ConsoleLang, username: string, token: string): string {
  return `<p class="flash ok">${ts(lang, 'tokenOnce')}</p>
<p>${esc(username)}: <code id="new-token">${esc(token)}</code></p>
<p><a href="/console/admin/officers">${ts(lang, 'back')}</a></p>`;
}

function hoursText(o: Office): string {
  return Object.entries(o.hours)
    .map(([day, ranges]) => `${day} ${(ranges ?? []).map((r) => `${r.open}-${r.close}`).join(',')}`)
    .join('; ');
}

/** The offices of the admin's subtree, read-only (they come from the area data import). */
export function officesBody(
  lang: ConsoleLang,
  q: Record<string, string>,
  result: { items: Office[]; total: number },
  paging: { offset: number; limit: number },
): string {
  const rest = Object.fromEntries(Object.entries(q).filter(([k]) => k !== 'offset' && k !== 'limit'));
  return `<form method="get" action="/console/admin/offices" class="filters"><input name="q" placeholder="${esc(ts(lang, 'searchOffice'))}" value="${esc(q.q)}"><button>${t(lang, 'filter')}</button></form>
<div class="scroll"><table id="offices"><thead><tr><th>${ts(lang, 'code')}</th><th>${ts(lang, 'name')}</th><th>${ts(lang, 'level')}</th><th>${ts(lang, 'hours')}</th></tr></thead>
<tbody>${result.items.map((o) => `<tr><td>${esc(o.id)}</td><td>${esc(o.name)}</td><td>${esc(o.level)}</td><td><small>${esc(hoursText(o))}</small></td></tr>`).join('') || `<tr><td colspan="4">${t(lang, 'none')}</td></tr>`}</tbody></table></div>
${pager(lang, '/console/admin/offices', rest, paging.offset, paging.limit, result.total)}`;
}
