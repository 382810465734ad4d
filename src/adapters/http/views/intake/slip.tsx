import type { Application } from '../../../../domain/application.js';
import { maskNik } from '../../../../domain/nik.js';
import type { Office } from '../../../../domain/office.js';
import type { ConsoleLang } from '../../console-i18n.js';
import { ti } from '../../intake-i18n.js';
import { IntakeAssets } from './intake-assets.js';

/** What the receipt shows. */
export interface SlipView {
  application: Application;
  serviceName: string;
  office?: Office;
  /** `<service>.in_person` and the bring-originals line, when the service has them. */
  extraNext: string[];
  dueText: string;
  filedText: string;
  /** Whether the officer may open the application (in their office subtree). */
  canOpen: boolean;
  replay: boolean;
}

/** A chat id on paper: only its last four characters, as the receipt may be left lying around. */
function maskContact(chatId: string): string {
  return chatId.length <= 4 ? chatId : `${'•'.repeat(Math.max(0, chatId.length - 4))}${chatId.slice(-4)}`;
}

/** The printable receipt: tracking number large, service, due date, office, what next, how to check. */
export function Slip({ lang, view }: { lang: ConsoleLang; view: SlipView }) {
  const a = view.application;
  return (
    <>
      <IntakeAssets />
      {view.replay ? <p class="flash ok no-print">{ti(lang, 'replay')}</p> : null}
      <section class="slip" id="slip">
        <p class="slip-title">{`Loket · ${ti(lang, 'slip')}`}</p>
        <p class="slip-label">{ti(lang, 'tracking')}</p>
        <p class="slip-tracking" id="slip-tracking">
          {a.trackingNumber}
        </p>
        <SlipFacts lang={lang} view={view} />
        <h2>{ti(lang, 'next')}</h2>
        <p>{ti(lang, 'nextText')}</p>
        {view.extraNext.map((line) => (
          <p>{line}</p>
        ))}
        <h2>{ti(lang, 'check')}</h2>
        <p>{ti(lang, 'checkText', { tracking: a.trackingNumber })}</p>
        {a.applicant.contact ? (
          <p>
            {ti(lang, 'updatesTo', {
              channel: a.applicant.contact.channel === 'whatsapp' ? 'WhatsApp' : 'Telegram',
              chat: maskContact(a.applicant.contact.chatId),
            })}
          </p>
        ) : null}
      </section>
      <p class="no-print slip-actions">
        <button type="button" id="print-slip">
          {ti(lang, 'print')}
        </button>{' '}
        <a href="/console/intake">{ti(lang, 'another')}</a>
        {view.canOpen ? (
          <>
            {' '}
            <a href={`/console/applications/${a.id}`}>{ti(lang, 'detail')}</a>
          </>
        ) : null}
      </p>
    </>
  );
}

/** Service, applicant (NIK masked), dates and office, as a definition list. */
function SlipFacts({ lang, view }: { lang: ConsoleLang; view: SlipView }) {
  const a = view.application;
  return (
    <dl class="slip-facts">
      <dt>{ti(lang, 'service')}</dt>
      <dd>{view.serviceName}</dd>
      <dt>{ti(lang, 'applicant')}</dt>
      <dd>{`${a.applicant.name} · ${ti(lang, 'nik', { nik: maskNik(a.applicant.nik) })}`}</dd>
      <dt>{ti(lang, 'filed')}</dt>
      <dd>{view.filedText}</dd>
      <dt>{ti(lang, 'due')}</dt>
      <dd>
        <strong>{view.dueText}</strong>
      </dd>
      <dt>{ti(lang, 'office')}</dt>
      <dd>{`${view.office?.name ?? a.officeId} (${a.officeId})`}</dd>
    </dl>
  );
}
