import type { Application } from '../../../domain/application.js';
import { maskNik } from '../../../domain/nik.js';
import { describeStatus } from '../../../domain/status.js';
import type { ApplicationWords } from '../../../app/officer/application-words.js';
import type { OfficerActor } from '../../../app/officer/officer-actor.js';
import type { AuditEntry } from '../../../app/officer/search-audit.js';
import type { OutboxItem } from '../../../ports/outbox.js';
import { t, type ConsoleLang } from '../console-i18n.js';
import { AuditTable } from './audit-table.js';
import { fmtUtc } from './console-time.js';
import { OfficeLabel } from './office-label.js';
import { StatusForm } from './status-form.js';
import { AgencySection, type AgencySectionProps } from './agency-steps.js';
import { UndeliveredNotice } from './undelivered-notice.js';

/** What the application detail page shows. */
export interface ApplicationDetailProps {
  lang: ConsoleLang;
  csrf: string;
  app: Application;
  /** The application's audit trail, with officer names where known. */
  history: readonly AuditEntry[];
  officer: OfficerActor;
  /** Field errors of a refused status change. */
  errors?: Readonly<Record<string, string>>;
  /** The service's name, the answers and step labels in words (src/app/officer/application-words.ts). */
  words: ApplicationWords;
  /** Office names by id (the application's office). */
  officeNames: ReadonlyMap<string, string>;
  /** Status notices that did not reach the citizen. */
  undelivered?: readonly OutboxItem[];
  /** The agency steps and their forms; absent without a catalog of agencies. */
  agency?: Omit<AgencySectionProps, 'lang' | 'csrf' | 'app'>;
}

/** One application: who and what, the status form, answers, documents, status history and audit. */
export function ApplicationDetail(p: ApplicationDetailProps) {
  const { lang, app, words } = p;
  return (
    <>
      <UndeliveredNotice lang={lang} items={p.undelivered ?? []} />
      <Summary lang={lang} app={app} words={words} officeNames={p.officeNames} />
      <h2>{t(lang, 'changeStatus')}</h2>
      <StatusForm
        lang={lang}
        csrf={p.csrf}
        app={app}
        officer={p.officer}
        errors={p.errors ?? {}}
        labelOf={words.stepLabel}
      />
      {p.agency ? <AgencySection lang={lang} csrf={p.csrf} app={app} {...p.agency} /> : null}
      <h2>{t(lang, 'answers')}</h2>
      <dl>
        {words.answers.map((a) => (
          <>
            <dt>{a.label}</dt>
            <dd>{a.value}</dd>
          </>
        ))}
      </dl>
      <h2>{t(lang, 'documents')}</h2>
      <Documents lang={lang} app={app} stepLabel={words.stepLabel} />
      <h2>{t(lang, 'history')}</h2>
      <ol>
        {app.statusHistory.map((h) => (
          <li>
            {`${fmtUtc(h.at)}: ${h.from ? describeStatus(h.from, lang) : '-'} → ${describeStatus(h.to, lang)} (${h.by.kind})${h.note ? ` · ${h.note}` : ''}`}
          </li>
        ))}
      </ol>
      <details id="audit">
        <summary>{`${t(lang, 'auditTrail')} (${p.history.length})`}</summary>
        <AuditTable lang={lang} entries={p.history} />
      </details>
    </>
  );
}

interface SummaryProps {
  lang: ConsoleLang;
  app: Application;
  words: ApplicationWords;
  officeNames: ReadonlyMap<string, string>;
}

function Summary({ lang, app, words, officeNames }: SummaryProps) {
  const { applicant } = app;
  return (
    <>
      <p>
        <strong>{app.trackingNumber}</strong>
        {` · ${words.serviceName} · `}
        <span class="status">{describeStatus(app.status, lang)}</span>
        {' · '}
        <OfficeLabel id={app.officeId} names={officeNames} />
      </p>
      <p>
        {`${t(lang, 'applicant')}: ${applicant.name} · ${t(lang, 'nik')} ${maskNik(applicant.nik)}`}
        {applicant.phone ? ` · ${applicant.phone}` : null}
      </p>
      {app.revision ? (
        <p class="flash error">{`${words.stepLabel(app.revision.stepId)}: ${app.revision.note}`}</p>
      ) : null}
    </>
  );
}

interface DocumentsProps {
  lang: ConsoleLang;
  app: Application;
  stepLabel: (stepId: string) => string;
}

function Documents({ lang, app, stepLabel }: DocumentsProps) {
  if (app.documents.length === 0)
    return (
      <ul>
        <li>{t(lang, 'none')}</li>
      </ul>
    );
  return (
    <ul>
      {app.documents.map((d) => (
        <li>
          <a href={`/api/applications/${app.id}/documents/${d.id}`} target="_blank" rel="noopener">
            {d.filename}
          </a>
          {` (${stepLabel(d.stepId)}, ${d.contentType})`}
        </li>
      ))}
    </ul>
  );
}
