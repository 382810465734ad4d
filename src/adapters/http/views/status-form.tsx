import type { Application } from '../../../domain/application.js';
import { allowedNext, describeStatus } from '../../../domain/status.js';
import type { OfficerActor } from '../../../app/officer/officer-actor.js';
import { t, type ConsoleLang } from '../console-i18n.js';
import { CsrfField } from './csrf-field.js';
import { OptionList } from './option-list.js';

/** What the status form needs. */
export interface StatusFormProps {
  lang: ConsoleLang;
  csrf: string;
  app: Application;
  officer: OfficerActor;
  /** Field errors of a refused change, keyed as the use case names them (`to`, `revision.note`…). */
  errors: Readonly<Record<string, string>>;
  /** A step's label for the revision picker; the id when the catalog is not at hand. */
  labelOf: (stepId: string) => string;
}

/**
 * The status change form of the detail page: only the moves this officer may make next, the
 * version it was read at (a concurrent change is refused), and the revision picker. A final
 * status gets a sentence instead.
 */
export function StatusForm({ lang, csrf, app, officer, errors, labelOf }: StatusFormProps) {
  const next = allowedNext(app.status, { kind: 'officer', id: officer.id });
  if (next.length === 0) return <p>{t(lang, 'noNext')}</p>;
  // Each answer or document step once (a step with 3 files is one thing to fix).
  const steps = [...new Set([...Object.keys(app.answers), ...app.documents.map((d) => d.stepId)])];
  const stepOptions: Array<[string, string]> = [
    ['', ''],
    ...steps.map((s): [string, string] => [s, labelOf(s) === s ? s : `${labelOf(s)} (${s})`]),
  ];
  const err = (k: string) => (errors[k] ? <span class="error">{errors[k]}</span> : null);
  return (
    <form method="post" action={`/console/applications/${app.id}/status`} class="card">
      <CsrfField token={csrf} />
      <input type="hidden" name="version" value={String(app.version)} />
      <label>
        {t(lang, 'newStatus')}
        <select name="to">
          <OptionList options={next.map((s): [string, string] => [s, describeStatus(s, lang)])} />
        </select>
      </label>
      {err('to')}
      <label>
        {t(lang, 'note')}
        <textarea name="note" rows={2} />
      </label>
      <label>
        {t(lang, 'reason')}
        <textarea name="reason" rows={2} />
      </label>
      {err('reason')}
      <label>
        {t(lang, 'revisionStep')}
        <select name="revisionStep">
          <OptionList options={stepOptions} />
        </select>
      </label>
      {err('revision.stepId')}
      <label>
        {t(lang, 'revisionNote')}
        <textarea name="revisionNote" rows={2} />
      </label>
      {err('revision.note')}
      {err('revision')}
      <button type="submit">{t(lang, 'save')}</button>
    </form>
  );
}
