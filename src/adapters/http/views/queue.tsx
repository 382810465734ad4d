import type { HandoffTicket } from '../../../ports/handoff-repository.js';
import { t, type ConsoleLang } from '../console-i18n.js';
import type { AvailabilityView } from '../../../app/officer/availability.js';
import { DataTable } from './data-table.js';
import { QueueRow } from './queue-row.js';
import { AvailabilityBar } from './workload/availability-bar.js';

/** What the queue page needs. */
export interface QueueProps {
  lang: ConsoleLang;
  csrf: string;
  tickets: readonly HandoffTicket[];
  now: Date;
  /** The officer's availability and the available count, shown above the queue. */
  availability?: AvailabilityView;
}

/**
 * The live queue. console.js reads `#queue`'s `data-stream` (where the rows come from) and
 * `data-alert` (the notification text), and replaces the tbody with each streamed batch.
 */
export function Queue({ lang, csrf, tickets, now, availability }: QueueProps) {
  return (
    <>
      {availability ? <AvailabilityBar lang={lang} csrf={csrf} view={availability} /> : null}
      <button type="button" id="enable-alerts">
        {t(lang, 'enableAlerts')}
      </button>
      <DataTable
        id="queue"
        attrs={{ 'data-stream': '/console/queue/stream', 'data-alert': t(lang, 'newWaiting') }}
        headers={[t(lang, 'citizen'), t(lang, 'channel'), t(lang, 'reasonCol'), t(lang, 'waiting'), '']}
        empty={t(lang, 'none')}
        emptyClass="empty"
      >
        {tickets.map((tk) => (
          <QueueRow lang={lang} csrf={csrf} ticket={tk} now={now} />
        ))}
      </DataTable>
    </>
  );
}
