import type { OfficerActor } from '../../../app/officer/officer-actor.js';
import { taa } from '../agency-admin-i18n.js';
import { ta } from '../agency-i18n.js';
import { t, type ConsoleLang } from '../console-i18n.js';
import { tc } from '../context-i18n.js';
import { tdr } from '../data-request-i18n.js';
import { tdl } from '../dead-letter-i18n.js';
import { to } from '../office-i18n.js';
import { ts } from '../supervisor-i18n.js';
import { tt } from '../token-i18n.js';
import { CsrfField } from './csrf-field.js';
import type { Html } from './html.js';

/** What every page frame needs. */
export interface PageFrame {
  lang: ConsoleLang;
  title: string;
  csrf: string;
  officer?: OfficerActor;
  /** The page's current path, for the language switch. */
  path: string;
  body: Html;
  flash?: { kind: 'ok' | 'error'; text: string };
  /** The WhatsApp alert above the page, when there is one. */
  banner?: Html;
}

/** The page frame: phone-friendly viewport, own CSS and JS only (the CSP allows nothing else). */
export function Frame(f: PageFrame) {
  const other = f.lang === 'id' ? 'en' : 'id';
  const sep = f.path.includes('?') ? '&' : '?';
  return (
    <html lang={f.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="csrf-token" content={f.csrf} />
        <title>{`${f.title} · Loket`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/console/assets/console.css" />
        <script src="/console/assets/console.js" defer />
      </head>
      <body>
        <header>
          <strong>Loket</strong> {f.officer ? <Nav lang={f.lang} csrf={f.csrf} officer={f.officer} /> : null}{' '}
          <a class="lang" href={`${f.path}${sep}lang=${other}`}>
            {other === 'en' ? 'English' : 'Bahasa Indonesia'}
          </a>
        </header>
        <main>
          {f.banner}
          {f.flash ? (
            <p class={`flash ${f.flash.kind}`} role="status">
              {f.flash.text}
            </p>
          ) : null}
          <h1>{f.title}</h1>
          {f.body}
        </main>
      </body>
    </html>
  );
}

function Nav({ lang, csrf, officer }: { lang: ConsoleLang; csrf: string; officer: OfficerActor }) {
  // An agency account opens its own list and nothing else (confineAgencyAccounts): no link to a 403.
  if (officer.role === 'agency') return <AgencyNav lang={lang} csrf={csrf} officer={officer} />;
  return (
    <nav>
      <a href="/console/queue">{t(lang, 'queue')}</a>{' '}
      <a href="/console/applications">{t(lang, 'applications')}</a>{' '}
      <a href="/console/intake">{t(lang, 'counterIntake')}</a> <RoleLinks lang={lang} officer={officer} />
      <a href="/console/tokens">{tt(lang, 'title')}</a>{' '}
      <span class="who">{`${officer.displayName} (${officer.role}, ${officer.officeId})`}</span>
      <form method="post" action="/console/logout" class="inline">
        <CsrfField token={csrf} />
        <button>{t(lang, 'logout')}</button>
      </form>
    </nav>
  );
}

/** An agency account's header: its list, who it is, and logging out. */
function AgencyNav({ lang, csrf, officer }: { lang: ConsoleLang; csrf: string; officer: OfficerActor }) {
  return (
    <nav>
      <a href="/console/agency">{ta(lang, 'inbox')}</a>{' '}
      <span class="who">{`${officer.displayName} (${officer.agencyId ?? officer.role})`}</span>
      <form method="post" action="/console/logout" class="inline">
        <CsrfField token={csrf} />
        <button>{t(lang, 'logout')}</button>
      </form>
    </nav>
  );
}

/** Dashboard, audit and deliveries for supervisors and admins; account pages for admins. */
function RoleLinks({ lang, officer }: { lang: ConsoleLang; officer: OfficerActor }) {
  if (officer.role === 'officer') return null;
  return (
    <>
      <a href="/console/dashboard">{ts(lang, 'dashboard')}</a>{' '}
      <a href="/console/audit">{ts(lang, 'audit')}</a>{' '}
      <a href="/console/deliveries">{ts(lang, 'deliveries')}</a>{' '}
      <a href="/console/dead-letters">{tdl(lang, 'title')}</a>{' '}
      <a href="/console/data-requests">{tdr(lang, 'title')}</a>{' '}
      <a href="/console/canned-replies">{tc(lang, 'cannedTitle')}</a>{' '}
      {/* Admins pick an office from their area's list; a supervisor reads their own office. */}
      <a href={officer.role === 'admin' ? '/console/admin/offices' : `/console/offices/${officer.officeId}`}>
        {ts(lang, 'offices')}
      </a>{' '}
      <a href="/console/holidays">{to(lang, 'holidays')}</a>{' '}
      {officer.role === 'admin' ? (
        <>
          <a href="/console/admin/officers">{ts(lang, 'admin')}</a>{' '}
          <a href="/console/admin/agencies">{taa(lang, 'title')}</a>{' '}
        </>
      ) : null}
    </>
  );
}
