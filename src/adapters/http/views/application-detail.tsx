import type { AnswerValue, Application } from '../../../domain/application.js';
import { maskNik } from '../../../domain/nik.js';
import { describeStatus } from '../../../domain/status.js';
import type { OfficerActor } from '../../../app/officer/officer-actor.js';
import type { AuditEntry } from '../../../app/officer/search-audit.js';
import type { OutboxItem } from '../../../ports/outbox.js';
import { t, type ConsoleLang } from '../console-i18n.js';
import { AuditTable } from './audit-table.js';
import { fmtUtc } from './console-time.js';
import { StatusForm } from './status-form.js';
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
  /** A step's label from locales/ (assisted intake carries the catalog); the id otherwise. */
  labelOf?: (stepId: string) => string;
  /** Status notices that did not reach the citizen. */
  undelivered?: readonly OutboxItem[];
}

/** One application: who and what, the status form, answers, documents, status history and audit. */
export function ApplicationDetail(p: ApplicationDetailProps) {
  const { lang, app } = p;
  return (
    <>
      <UndeliveredNotice lang={lang} items={p.undelivered ?? []} />
      <Summary lang={lang} app={app} />
      <h2>{t(lang, 'changeStatus')}</h2>
      <StatusForm
        lang={lang}
        csrf={p.csrf}
        app={app}
        officer={p.officer}
        errors={p.errors ?? {}}
        labelOf={p.labelOf ?? ((id) => id)}
      />
      <h2>{t(lang, 'answers')}</h2>
      <dl>
        {Object.entries(app.answers).map(([k, v]) => (
          <>
            <dt>{k}</dt>
            <dd>{answerText(v)}</dd>
          </>
        ))}
      </dl>
      <h2>{t(lang, 'documents')}</h2>
      <Documents lang={lang} app={app} />
      <h2>{t(lang, 'history')}</h2>
      <ol>
        {app.statusHistory.map((h) => (
          <li>
            {`${fmtUtc(h.at)}: ${h.from ?? '-'} → ${h.to} (${h.by.kind})${h.note ? ` · ${h.note}` : ''}`}
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

/** An answer as text: JSX would drop `true` and `null`, the officer must see `true`. */
function answerText(v: AnswerValue): string {
  return v === null ? '' : String(v);
}

function Summary({ lang, app }: { lang: ConsoleLang; app: Application }) {
  const { applicant } = app;
  return (
    <>
      <p>
        <strong>{app.trackingNumber}</strong>
        {` · ${app.serviceId} · `}
        <span class="status">{describeStatus(app.status, lang)}</span>
        {` · ${app.officeId}`}
      </p>
      <p>
        {`${t(lang, 'applicant')}: ${applicant.name} · ${t(lang, 'nik')} ${maskNik(applicant.nik)}`}
        {applicant.phone ? ` · ${applicant.phone}` : null}
      </p>
      {app.revision ? <p class="flash error">{`${app.revision.stepId}: ${app.revision.note}`}</p> : null}
    </>
  );
}

function Documents({ lang, app }: { lang: ConsoleLang; app: Application }) {
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
          {` (${d.stepId}, ${d.contentType})`}
        </li>
      ))}
    </ul>
  );
}
