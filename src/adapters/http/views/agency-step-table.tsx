import { AGENCY_OUTCOMES, type AgencyStep, type AgencyWait } from '../../../domain/agency.js';
import { ta } from '../agency-i18n.js';
import type { ConsoleLang } from '../console-i18n.js';
import { fmtUtc } from './console-time.js';
import { CsrfField } from './csrf-field.js';
import { DataTable } from './data-table.js';
import { OptionList } from './option-list.js';

/** One row: a step, how far its wait has gone, and (in a list of several applications) whose it is. */
export interface AgencyStepRow {
  step: AgencyStep;
  wait: AgencyWait;
  /** The application's number and service, for a table of several applications' steps. */
  application?: { trackingNumber: string; serviceName: string };
}

/**
 * The table of agency steps both the application page (its steps so far) and an agency
 * account's list (what waits on it) show, so both say a step the same way: which agency, when,
 * the working day of its SLA, what is asked, and the answer.
 */
export function AgencyStepTable({
  lang,
  rows,
  nameOf,
  id,
}: {
  lang: ConsoleLang;
  rows: readonly AgencyStepRow[];
  nameOf: (agencyId: string) => string;
  id?: string;
}) {
  const withApplication = rows.some((r) => r.application);
  const headers = [
    ...(withApplication ? [ta(lang, 'application')] : []),
    ta(lang, 'agency'),
    ta(lang, 'forwardedAt'),
    ta(lang, 'slaDue'),
    ta(lang, 'workingDay'),
    ta(lang, 'request'),
    ta(lang, 'answeredAt'),
    ta(lang, 'outcome'),
  ];
  return (
    <DataTable headers={headers} empty={ta(lang, 'none')} {...(id ? { id } : {})}>
      {rows.map(({ step: s, wait, application }) => (
        <tr>
          {withApplication ? (
            <td>
              <strong>{application?.trackingNumber ?? '-'}</strong>
              {application ? ` · ${application.serviceName}` : ''}
            </td>
          ) : null}
          <td>{nameOf(s.agencyId)}</td>
          <td>{fmtUtc(s.forwardedAt)}</td>
          <td>{`${fmtUtc(s.slaDueAt)} (${s.slaDays})`}</td>
          <td class={wait.late ? 'error' : undefined}>
            {ta(lang, 'dayOf', { day: wait.day, of: wait.of })}
            {wait.late ? ` · ${ta(lang, 'overSla')}` : ''}
          </td>
          <td>{s.note}</td>
          <td>{s.answeredAt ? fmtUtc(s.answeredAt) : '-'}</td>
          <td>
            {s.outcome
              ? `${ta(lang, `outcome_${s.outcome}`)}${s.answerNote ? ` · ${s.answerNote}` : ''}`
              : '-'}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** The form that records an agency's answer on the open step; `action` is where it posts. */
export function AgencyAnswerForm({
  lang,
  csrf,
  action,
  version,
  id,
  errors,
}: {
  lang: ConsoleLang;
  csrf: string;
  action: string;
  version: number;
  id?: string;
  errors?: Readonly<Record<string, string>>;
}) {
  const options = AGENCY_OUTCOMES.map((o) => [o, ta(lang, `outcome_${o}`)] as const);
  return (
    <form method="post" action={action} {...(id ? { id } : {})}>
      <CsrfField token={csrf} />
      <input type="hidden" name="version" value={String(version)} />
      <label>
        {ta(lang, 'outcome')}
        <select name="outcome" required>
          <OptionList options={options} current="done" />
        </select>
      </label>
      {errors?.outcome ? <p class="error">{errors.outcome}</p> : null}
      <label>
        {ta(lang, 'answerNote')}
        <textarea name="note" maxLength={1000}></textarea>
      </label>
      <button type="submit">{ta(lang, 'recordAnswer')}</button>
    </form>
  );
}
