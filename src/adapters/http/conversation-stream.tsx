import type { Request, Response } from 'express';
import type { HandoffTicket, InternalNote, TranscriptLine } from '../../ports/handoff-repository.js';
import type { ConsoleLang } from './console-i18n.js';
import type { OfficerHttpDeps } from './officer-http-deps.js';
import { pollEventStream } from './event-stream.js';
import { renderFragment } from './views/html.js';
import { TranscriptItem } from './views/transcript.js';
import { NoteItem, type NoteNames } from './views/conversation-flow.js';

/** How a browser should wait before reconnecting a dropped stream. */
const RECONNECT_MS = 1000;

/** One server-sent event; `id` only on transcript lines, so Last-Event-ID is always a line index. */
function sse(event: string, data: unknown, id?: number): string {
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** How a feed renders what it sends: a transcript line, and an officers' note. */
export interface FeedViews {
  line: (line: TranscriptLine, index: number) => string;
  note: (note: InternalNote, index: number) => string;
}

/**
 * What one connection has sent of a transcript: lines up to `last` (an event each, with its
 * index as the event id), per officer reply the delivery state the page now shows, and the
 * officers' notes after the first `notes`. A new connection knows no states, so its first read
 * re-sends those of the lines the page had: whatever changed while the page was away is
 * corrected, and no line is sent twice. Notes carry no event id (Last-Event-ID is a line
 * index), so after a reconnect some may come again; the page keeps one per id.
 */
export class TranscriptFeed {
  private readonly shown = new Map<number, string>();
  constructor(
    private last: number,
    private readonly views: FeedViews,
    private notes: number,
  ) {}

  /** Whether `ticket` has notes the page lacks that say where they were transferred. */
  hasNewTransfer(ticket: HandoffTicket): boolean {
    return (ticket.notes ?? []).some((n, i) => i >= this.notes && n.transfer !== undefined);
  }

  /** The events that bring a page from what it has to `ticket`'s transcript ('' when none). */
  next(ticket: HandoffTicket): string {
    return this.lines(ticket) + this.newNotes(ticket);
  }

  private newNotes(ticket: HandoffTicket): string {
    const notes = ticket.notes ?? [];
    let out = '';
    for (let i = this.notes; i < notes.length; i++) {
      out += sse('note', { index: i, html: this.views.note(notes[i]!, i) });
      this.notes = i + 1;
    }
    return out;
  }

  private lines(ticket: HandoffTicket): string {
    const lines = ticket.transcript;
    let out = '';
    for (let i = 0; i <= Math.min(this.last, lines.length - 1); i++) {
      const state = stateOf(lines[i]!);
      if (state === undefined || this.shown.get(i) === state) continue;
      this.shown.set(i, state);
      out += sse('delivery', { index: i, html: this.views.line(lines[i]!, i) });
    }
    for (let i = this.last + 1; i < lines.length; i++) {
      const state = stateOf(lines[i]!);
      if (state !== undefined) this.shown.set(i, state);
      out += sse('line', { index: i, html: this.views.line(lines[i]!, i) }, i);
      this.last = i;
    }
    return out;
  }
}

function stateOf(line: TranscriptLine): string | undefined {
  return line.delivery ? `${line.delivery.state}:${line.delivery.at.getTime()}` : undefined;
}

/** Who follows the stream and from where. */
export interface ConversationStreamOptions {
  ticket: HandoffTicket;
  /** The last line index the page has (-1: none). */
  after: number;
  /** How many notes the page has. */
  notes: number;
  /** Who and where a transfer note names (the workspace's transfer choices); read only when one comes. */
  noteNames: () => Promise<NoteNames>;
  lang: ConsoleLang;
  csrf: string;
}

/**
 * A conversation's transcript as server-sent events: new lines as they are added, and the
 * delivery state of officer replies as it changes. FerretDB has no change streams, so each
 * connection re-reads the ticket every `queuePollMs` (event-stream.ts). Once the ticket is closed it says so and
 * ends (the page reloads into its closed form).
 */
export function streamConversation(
  deps: OfficerHttpDeps,
  req: Request,
  res: Response,
  o: ConversationStreamOptions,
): void {
  const id = o.ticket.id;
  let names: NoteNames = { names: {}, offices: [] };
  const feed = new TranscriptFeed(
    o.after,
    {
      line: (line, index) =>
        renderFragment(
          <TranscriptItem lang={o.lang} csrf={o.csrf} ticketId={id} line={line} index={index} open={true} />,
        ),
      note: (note, index) =>
        renderFragment(<NoteItem lang={o.lang} note={note} index={index} names={names} />),
    },
    o.notes,
  );
  pollEventStream(req, res, {
    everyMs: deps.queuePollMs,
    retryMs: RECONNECT_MS,
    onError: (err) => deps.logger.warn({ err }, 'conversation stream read failed'),
    poll: async (stream) => {
      const ticket = await deps.handoffs.get(id);
      if (ticket && feed.hasNewTransfer(ticket)) names = await o.noteNames();
      if (ticket) stream.write(feed.next(ticket) || ': keep-alive\n\n');
      // A ticket gone (retention) is as final as a closed one.
      if (!ticket || ticket.status === 'closed') stream.end(sse('closed', {}));
    },
  });
}
