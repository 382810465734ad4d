import { AGENCY_OUTCOMES, openAgencyStep, type AgencyWait } from '../../../domain/agency.js';
import type { Application } from '../../../domain/application.js';
import { ta } from '../agency-i18n.js';
import type { ConsoleLang } from '../console-i18n.js';
import { fmtUtc } from './console-time.js';
import { CsrfField } from './csrf-field.js';
import { OptionList } from './option-list.js';

/** One application waiting on the agency account's agency, and how far its wait has gone. */
export interface InboxItem {
  app: Application;
  serviceName: string;
  wait: AgencyWait;
}

/**
 * "Diteruskan ke instansi Anda": what waits on this agency, oldest first, each with what is asked
 * and the answer form. No applicant's name, NIK, phone or answers: the agency needs the service,
 * the number and the request.
 */
export function AgencyInbox({
  lang,
  csrf,
  items,
}: {
  lang: ConsoleLang;
  csrf: string;
  items: readonly InboxItem[];
}) {
  if (items.length === 0) return <p>{ta(lang, 'inboxEmpty')}</p>;
  const options = AGENCY_OUTCOMES.map((o) => [o, ta(lang, `outcome_${o}`)] as const);
  return (
    <>
      {items.map(({ app, serviceName, wait }) => {
        const step = openAgencyStep(app)!;
        return (
          <section class="card" id={`inbox-${app.id}`}>
            <p>
              <strong>{app.trackingNumber}</strong>
              {` · ${serviceName} · ${ta(lang, 'forwardedAt')} ${fmtUtc(step.forwardedAt)} · `}
              <span class={wait.late ? 'error' : ''}>
                {ta(lang, 'dayOf', { day: wait.day, of: wait.of })}
                {wait.late ? ` · ${ta(lang, 'overSla')}` : ''}
              </span>
            </p>
            <p>{`${ta(lang, 'request')}: ${step.note}`}</p>
            <form method="post" action={`/console/agency/${app.id}/answer`}>
              <CsrfField token={csrf} />
              <input type="hidden" name="version" value={String(app.version)} />
              <label>
                {ta(lang, 'outcome')}
                <select name="outcome" required>
                  <OptionList options={options} current="done" />
                </select>
              </label>
              <label>
                {ta(lang, 'answerNote')}
                <textarea name="note" maxLength={1000}></textarea>
              </label>
              <button type="submit">{ta(lang, 'recordAnswer')}</button>
            </form>
          </section>
        );
      })}
    </>
  );
}
