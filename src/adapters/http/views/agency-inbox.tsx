import { openAgencyStep, type AgencyWait } from '../../../domain/agency.js';
import type { Application } from '../../../domain/application.js';
import { ta } from '../agency-i18n.js';
import type { ConsoleLang } from '../console-i18n.js';
import { AgencyAnswerForm, AgencyStepTable } from './agency-step-table.js';

/** One application waiting on the agency account's agency, and how far its wait has gone. */
export interface InboxItem {
  app: Application;
  serviceName: string;
  wait: AgencyWait;
}

/**
 * "Diteruskan ke instansi Anda": what waits on this agency, oldest first, in the same step table
 * as the application page, then an answer form per application. No applicant's name, NIK,
 * phone or answers: the agency needs the service, the number and the request.
 */
export function AgencyInbox({
  lang,
  csrf,
  items,
  nameOf,
}: {
  lang: ConsoleLang;
  csrf: string;
  items: readonly InboxItem[];
  nameOf: (agencyId: string) => string;
}) {
  if (items.length === 0) return <p>{ta(lang, 'inboxEmpty')}</p>;
  const rows = items.map(({ app, serviceName, wait }) => ({
    step: openAgencyStep(app)!,
    wait,
    application: { trackingNumber: app.trackingNumber, serviceName },
  }));
  return (
    <>
      <AgencyStepTable lang={lang} rows={rows} nameOf={nameOf} id="agency-inbox" />
      {items.map(({ app }) => (
        <section class="card agency-answer" id={`inbox-${app.id}`}>
          <h2>{`${ta(lang, 'answer')}: ${app.trackingNumber}`}</h2>
          <AgencyAnswerForm
            lang={lang}
            csrf={csrf}
            action={`/console/agency/${app.id}/answer`}
            version={app.version}
          />
        </section>
      ))}
    </>
  );
}
