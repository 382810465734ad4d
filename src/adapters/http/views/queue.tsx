import type { HandoffTicket } from '../../../ports/handoff-repository.js';
import { t, type ConsoleLang } from '../console-i18n.js';
import type { AvailabilityView } from '../../../app/officer/availability.js';
import { DataTable } from './data-table.js';
import { HeldRow, QueueRow } from './queue-row.js';
import { AvailabilityBar } from './workload/availability-bar.js';

/** What the queue page needs. */
export interface QueueProps {
  lang: ConsoleLang;
  csrf: string;
  tickets: readonly HandoffTicket[];
  /** The conversations this officer holds (claimed, or transferred to them). */
  held: readonly HandoffTicket[];
  now: Date;
  /** The officer's availability and the available count, shown above the queue. */
  availability?: AvailabilityView;
}

/**
 * The live queue, then the officer's own conversations. console.js reads `#queue`'s
 * `data-stream` (where the rows come from) and `data-alert` (the notification text), and
 * replaces each table's tbody with each streamed batch.
 */
export function Queue({ lang, csrf, tickets, held, now, availability }: QueueProps) {
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
      <h2>{t(lang, 'mine')}</h2>
      <HeldTable lang={lang} held={held} now={now} />
    </>
  );
}

/** The conversations the officer holds; the queue's stream replaces its rows as they change. */
export function HeldTable({ lang, held, now }: Pick<QueueProps, 'lang' | 'held' | 'now'>) {
  return (
    <DataTable
      id="mine"
      headers={[t(lang, 'citizen'), t(lang, 'channel'), t(lang, 'reasonCol'), t(lang, 'heldFor'), '']}
      empty={t(lang, 'none')}
      emptyClass="empty"
    >
      {held.map((tk) => (
        <HeldRow lang={lang} ticket={tk} now={now} />
      ))}
    </DataTable>
  );
}
