import type { AttachTarget } from '../../../app/officer/attach-handoff-file.js';
import type { HandoffTicket, ReplyDelivery, TranscriptLine } from '../../../ports/handoff-repository.js';
import type { ConsoleLang } from '../console-i18n.js';
import { tl, type LiveWordKey } from '../live-i18n.js';
import { fmtUtc } from './console-time.js';
import { CsrfField } from './csrf-field.js';
import { TranscriptFile } from './handoff-file.js';

/** What one transcript line needs; the page and its event stream render it alike. */
export interface TranscriptItemProps {
  lang: ConsoleLang;
  csrf: string;
  ticketId: string;
  line: TranscriptLine;
  /** The line's place in the transcript: its id on the page and in the stream. */
  index: number;
  /** Whether the conversation is still open (a failed reply may be sent again). */
  open: boolean;
  /** Where a file on the line may be added (the citizen's open applications); none on the stream. */
  fileTargets?: readonly AttachTarget[];
}

/**
 * The transcript of a conversation. While it is open, live.js follows its event stream from
 * the last line shown here (`data-stream`), and tells the citizen when the officer types.
 */
export function Transcript({
  lang,
  csrf,
  ticket,
  fileTargets,
}: {
  lang: ConsoleLang;
  csrf: string;
  ticket: HandoffTicket;
  fileTargets?: readonly AttachTarget[];
}) {
  const open = ticket.status !== 'closed';
  const base = `/console/handoffs/${ticket.id}`;
  const live = open
    ? {
        'data-stream': `${base}/stream?after=${ticket.transcript.length - 1}&notes=${ticket.notes?.length ?? 0}`,
        'data-typing': `${base}/typing`,
        'data-offline': tl(lang, 'offline'),
      }
    : {};
  return (
    <>
      <ol class="transcript" id="transcript" {...live}>
        {/* Lines from before the handoff are the context panel's; the rest keep their index as id. */}
        {ticket.transcript.map((line, index) =>
          line.beforeHandoff ? null : (
            <TranscriptItem
              lang={lang}
              csrf={csrf}
              ticketId={ticket.id}
              line={line}
              index={index}
              open={open}
              {...(fileTargets ? { fileTargets } : {})}
            />
          ),
        )}
      </ol>
      {open ? <script src="/console/assets/live.js" defer /> : null}
    </>
  );
}

/** One line: when, who, an officer reply's delivery (with "send again" once it failed), the text. */
export function TranscriptItem(p: TranscriptItemProps) {
  const { line } = p;
  return (
    <li class={`from-${line.from}`} id={`line-${p.index}`}>
      <small>{`${fmtUtc(line.at)} · ${tl(p.lang, FROM[line.from])}`}</small>
      {line.delivery ? <Delivery {...p} delivery={line.delivery} /> : null}
      <br />
      {line.text}
      {line.attachment ? (
        <TranscriptFile
          lang={p.lang}
          csrf={p.csrf}
          ticketId={p.ticketId}
          file={line.attachment}
          targets={p.fileTargets ?? []}
        />
      ) : null}
    </li>
  );
}

/** Who wrote a line, in words (the stored value is a code). */
const FROM: Record<TranscriptLine['from'], LiveWordKey> = {
  citizen: 'fromCitizen',
  officer: 'fromOfficer',
  bot: 'fromBot',
};

const REASON: Record<NonNullable<ReplyDelivery['reason']>, LiveWordKey> = {
  unreachable: 'unreachable',
  retry: 'retry',
  failed: 'refused',
};

function Delivery(p: TranscriptItemProps & { delivery: ReplyDelivery }) {
  const d = p.delivery;
  const failed = d.state === 'failed';
  return (
    <>
      {' '}
      <span class={`delivery delivery-${d.state}`} data-state={d.state}>
        {tl(p.lang, d.state)}
        {failed && d.reason ? `: ${tl(p.lang, REASON[d.reason])}` : ''}
      </span>
      {failed && d.error ? <small class="delivery-error">{` (${d.error})`}</small> : null}
      {failed && p.open ? (
        <>
          {' '}
          <form
            method="post"
            action={`/console/handoffs/${p.ticketId}/lines/${p.index}/retry`}
            class="inline retry"
            data-live
          >
            <CsrfField token={p.csrf} />
            <button>{tl(p.lang, 'sendAgain')}</button>
          </form>
        </>
      ) : null}
    </>
  );
}
