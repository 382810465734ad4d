import { isAgencyActive, openAgencyStep, type Agency, type AgencyWait } from '../../../domain/agency.js';
import type { Application } from '../../../domain/application.js';
import { isFinal } from '../../../domain/status.js';
import { ta } from '../agency-i18n.js';
import type { ConsoleLang } from '../console-i18n.js';
import { AgencyAnswerForm, AgencyStepTable } from './agency-step-table.js';
import { CsrfField } from './csrf-field.js';
import { OptionList } from './option-list.js';

/** What the agency section of an application page needs. */
export interface AgencySectionProps {
  lang: ConsoleLang;
  csrf: string;
  app: Application;
  agencies: ReadonlyMap<string, Agency>;
  /** Each step's wait, in the order of `app.agencySteps`. */
  waits: readonly AgencyWait[];
  /** False for roles that only read (none today; agency accounts do not reach this page). */
  canForward: boolean;
  errors?: Readonly<Record<string, string>>;
}

/**
 * Where the application waits ("Menunggu Dinas Cipta Karya, hari ke-3 dari 5 hari kerja"), the
 * steps so far, and the form that fits: record the open step's answer, or forward it.
 */
export function AgencySection(p: AgencySectionProps) {
  const { lang, app } = p;
  const steps = app.agencySteps ?? [];
  const open = openAgencyStep(app);
  const nameOf = (id: string) => p.agencies.get(id)?.shortName ?? id;
  const openWait = open ? p.waits[steps.length - 1] : undefined;
  return (
    <section id="agency-steps">
      <h2>{ta(lang, 'agencies')}</h2>
      {open && openWait ? (
        <p class={openWait.late ? 'flash error' : 'flash ok'} id="agency-wait">
          {ta(lang, 'waiting', { agency: nameOf(open.agencyId), day: openWait.day, of: openWait.of })}
          {openWait.late ? ` · ${ta(lang, 'overSla')}` : ''}
        </p>
      ) : null}
      {steps.length === 0 ? (
        <p>{ta(lang, 'none')}</p>
      ) : (
        <AgencyStepTable
          lang={lang}
          nameOf={nameOf}
          rows={steps.map((step, i) => ({ step, wait: p.waits[i]! }))}
        />
      )}
      <p>
        <small>{ta(lang, 'dueNotMoved')}</small>
      </p>
      {open ? <AnswerForm {...p} /> : p.canForward && !isFinal(app.status) ? <ForwardForm {...p} /> : null}
    </section>
  );
}

function ForwardForm({ lang, csrf, app, agencies, errors }: AgencySectionProps) {
  // A deactivated agency takes no new forwards; its past steps above still name it.
  const options = [...agencies.values()].filter(isAgencyActive).map((a) => [a.id, a.name] as const);
  return (
    <form method="post" action={`/console/applications/${app.id}/forward`} id="forward-form">
      <CsrfField token={csrf} />
      <input type="hidden" name="version" value={String(app.version)} />
      <label>
        {ta(lang, 'agency')}
        <select name="agencyId" required>
          <OptionList options={options} current="" />
        </select>
      </label>
      {errors?.agencyId ? <p class="error">{errors.agencyId}</p> : null}
      <label>
        {ta(lang, 'request')}
        <textarea name="note" required maxLength={1000}></textarea>
      </label>
      {errors?.note ? <p class="error">{errors.note}</p> : null}
      <button type="submit">{ta(lang, 'forward')}</button>
    </form>
  );
}

function AnswerForm({ lang, csrf, app, errors }: AgencySectionProps) {
  return (
    <AgencyAnswerForm
      lang={lang}
      csrf={csrf}
      action={`/console/applications/${app.id}/agency-answer`}
      version={app.version}
      id="agency-answer-form"
      {...(errors ? { errors } : {})}
    />
  );
}
