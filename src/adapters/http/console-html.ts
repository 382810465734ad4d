import type { OfficerActor } from '../../app/officer/officer-actor.js';
import { t, type ConsoleLang } from './console-i18n.js';
import { ts } from './supervisor-i18n.js';

/** Escapes text for HTML bodies and attribute values: every value from data goes through this. */
export function esc(value: string | number | boolean | null | undefined): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** What every page frame needs. */
export interface PageFrame {
  lang: ConsoleLang;
  title: string;
  csrf: string;
  officer?: OfficerActor;
  /** The page's current path, for the language switch. */
  path: string;
  body: string;
  flash?: { kind: 'ok' | 'error'; text: string };
  /** Ready HTML above the page (the WhatsApp alert), or empty. */
  banner?: string;
}

/** The page frame: phone-friendly viewport, own CSS and JS only (the CSP allows nothing else). */
export function page(f: PageFrame): string {
  const other = f.lang === 'id' ? 'en' : 'id';
  const sep = f.path.includes('?') ? '&' : '?';
  const nav = f.officer
    ? `<nav><a href="/console/queue">${t(f.lang, 'queue')}</a> <a href="/console/applications">${t(f.lang, 'applications')}</a> <a href="/console/intake">${f.lang === 'en' ? 'Counter intake' : 'Permohonan di loket'}</a>
${roleLinks(f.lang, f.officer)}<span class="who">${esc(f.officer.displayName)} (${esc(f.officer.role)}, ${esc(f.officer.officeId)})</span>
<form method="post" action="/console/logout" class="inline"><input type="hidden" name="_csrf" value="${esc(f.csrf)}"><button>${t(f.lang, 'logout')}</button></form></nav>`
    : '';
  const flash = f.flash ? `<p class="flash ${f.flash.kind}" role="status">${esc(f.flash.text)}</p>` : '';
  return `<!doctype html>
<html lang="${f.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${esc(f.csrf)}"><title>${esc(f.title)} · Loket</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/console/assets/console.css"><script src="/console/assets/console.js" defer></script></head>
<body><header><strong>Loket</strong> ${nav} <a class="lang" href="${esc(`${f.path}${sep}lang=${other}`)}">${other === 'en' ? 'English' : 'Bahasa Indonesia'}</a></header>
<main>${f.banner ?? ''}${flash}<h1>${esc(f.title)}</h1>${f.body}</main></body></html>`;
}

/** Dashboard, audit and deliveries for supervisors and admins; account pages for admins. */
function roleLinks(lang: ConsoleLang, officer: OfficerActor): string {
  if (officer.role === 'officer') return '';
  const links = [
    `<a href="/console/dashboard">${ts(lang, 'dashboard')}</a>`,
    `<a href="/console/audit">${ts(lang, 'audit')}</a>`,
    `<a href="/console/deliveries">${ts(lang, 'deliveries')}</a>`,
  ];
  if (officer.role === 'admin') links.push(`<a href="/console/admin/officers">${ts(lang, 'admin')}</a>`);
  return `${links.join(' ')} `;
}

/** A hidden CSRF field for a form. */
export function csrfField(token: string): string {
  return `<input type="hidden" name="_csrf" value="${esc(token)}">`;
}
