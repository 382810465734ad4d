import type { Channel } from '../domain/application.js';
import type { SendFailure } from './channel-sender.js';

/** Why a citizen is waiting for an officer. */
export type HandoffReason = 'asked' | 'not_understood' | 'complaint';

/** One line of the chat between citizen, bot and officer, kept with the ticket. */
export interface TranscriptLine {
  from: 'citizen' | 'officer' | 'bot';
  /** For a file, `[berkas: name]`: what a reader without the file (an export, the API) sees. */
  text: string;
  at: Date;
  /** An officer's reply only: how far it got on its way to the citizen. */
  delivery?: ReplyDelivery;
  /** Said to the bot before the handoff (the officer's context), not to an officer. */
  beforeHandoff?: true;
  /** A file the line carries, kept in the document store; the console shows it inline. */
  attachment?: TranscriptAttachment;
}

/** A stored file in the transcript: enough to show it without reading the document store. */
export interface TranscriptAttachment {
  documentId: string;
  filename: string;
  /** From the bytes (file-type), as the document store found it. */
  contentType: string;
  size: number;
}

/** A citizen waiting for (or talking to) an officer. */
export interface HandoffTicket {
  id: string;
  channel: Channel;
  chatId: string;
  citizenName?: string;
  reason: HandoffReason;
  /** Complaints (e.g. pungli) jump the queue. */
  priority: boolean;
  officeId?: string;
  status: 'waiting' | 'claimed' | 'closed';
  officerId?: string;
  createdAt: Date;
  claimedAt?: Date;
  closedAt?: Date;
  /** When the citizen was told, after a long wait, that they are still in the queue. */
  waitNoticeAt?: Date;
  transcript: TranscriptLine[];
  /** How it ended (set when closed or handed back to the bot). */
  resolution?: HandoffOutcome;
  /** Officers-only notes, transfers included; never sent to the citizen. */
  notes?: InternalNote[];
}

/** The choices on the close form: what came of the conversation, counted on the dashboard. */
export const CLOSE_RESOLUTIONS = ['answered', 'application_filed', 'referred', 'no_response'] as const;

/** What an officer says came of a conversation when closing it. */
export type CloseResolution = (typeof CLOSE_RESOLUTIONS)[number];

/** Every way a ticket ends: closed with a resolution, or handed back to the bot mid-application. */
export type HandoffOutcome = CloseResolution | 'handed_back';

/** An officer's note on a conversation; a transfer leaves one too, so the receiver sees why. */
export interface InternalNote {
  officerId: string;
  officerName: string;
  text: string;
  at: Date;
  /** Set on the note a transfer leaves: to whom (officer id) or to which office's queue. */
  transfer?: { toOfficerId?: string; toOfficeId?: string };
}

/** Where a claimed ticket goes: another officer (stays claimed) or another office's queue (waits). */
export type TransferTarget = { toOfficerId: string } | { toOfficeId: string };

/** What opening a ticket takes. */
export interface NewHandoff {
  channel: Channel;
  chatId: string;
  citizenName?: string;
  reason: HandoffReason;
  priority: boolean;
  officeId?: string;
  createdAt: Date;
  /** The last few lines so the officer sees the context. */
  transcript?: TranscriptLine[];
}

/** The officer queue. Every transition is atomic, so two officers never take the same citizen. */
export interface HandoffRepository {
  /**
   * Opens a ticket, or returns the chat's open one (`created: false`): a chat has at most one
   * open ticket, enforced by a unique index, so a double tap opens one.
   */
  open(input: NewHandoff): Promise<{ ticket: HandoffTicket; created: boolean }>;
  get(id: string): Promise<HandoffTicket | undefined>;
  /** Takes a waiting ticket for `officerId`. Of two officers at once exactly one gets it; `undefined` for the other. */
  claim(id: string, officerId: string, now: Date): Promise<HandoffTicket | undefined>;
  /** Puts a claimed ticket back in the queue (only its officer may, when `officerId` is given). */
  release(id: string, officerId?: string): Promise<HandoffTicket | undefined>;
  /** Closes an open ticket; the chat may open a new one afterwards. `undefined` if already closed. */
  close(id: string, now: Date, resolution?: HandoffOutcome): Promise<HandoffTicket | undefined>;
  /** Adds a line to an open ticket's transcript. `undefined` if the ticket is missing or closed. */
  appendMessage(id: string, line: TranscriptLine): Promise<HandoffTicket | undefined>;
  /** The queue: priority first, then oldest first; optionally only for some offices. */
  listWaiting(officeIds?: string[]): Promise<HandoffTicket[]>;
  /** 1-based place in the whole waiting queue, or `undefined` if the ticket is not waiting. */
  position(id: string): Promise<number | undefined>;
  findOpenByChat(channel: Channel, chatId: string): Promise<HandoffTicket | undefined>;
  /**
   * Marks a waiting ticket as told about its long wait. `undefined` when it was told already, or
   * is claimed or closed: of several processes running the check, exactly one tells the citizen.
   */
  noteLongWait(id: string, at: Date): Promise<HandoffTicket | undefined>;
  /** Adds an officers-only note to an open ticket. `undefined` if the ticket is missing or closed. */
  addNote(id: string, note: InternalNote): Promise<HandoffTicket | undefined>;
  /**
   * Moves a claimed ticket (held by `fromOfficerId`, when given) to another officer or office queue,
   * leaving `note` (its `transfer` set to the target). `undefined` when it is no longer claimed (by them): of two moves, one wins.
   */
  transfer(
    id: string,
    to: TransferTarget,
    note: InternalNote,
    fromOfficerId?: string,
  ): Promise<HandoffTicket | undefined>;
  /**
   * The conversations an officer holds now, oldest claim first: their own list beside the queue,
   * where one transferred to them shows up.
   */
  listClaimedBy(officerId: string): Promise<HandoffTicket[]>;
  /** How many conversations the officer holds now (claimed, not closed): the per-officer limit. */
  countClaimedBy(officerId: string): Promise<number>;
  /** The chat's tickets, newest first, at most `limit`: the officer sees the citizen's earlier handoffs. */
  listByChat(channel: Channel, chatId: string, limit: number): Promise<HandoffTicket[]>;
  /**
   * The chat's closed tickets not erased yet (a citizen's approved deletion request erases each
   * with `erase`, as retention does). Open ones are not listed: an officer is on them.
   */
  listErasableByChat(channel: Channel, chatId: string): Promise<ErasableHandoff[]>;
  /**
   * Erases a closed ticket's personal data: transcript, notes, the citizen's display name and chat
   * id (it no longer leads to the chat); keeps the times, office, officer, reason and resolution
   * the dashboard counts, and marks when. The one erasure of a ticket, whoever asks (retention, a
   * deletion request). False when it is not closed or already erased (so of two runs one audits
   * it).
   */
  erase(id: string, at: Date): Promise<boolean>;

  // Delivery state of officer replies (the live conversation page shows it as it changes).
  /**
   * Like `appendMessage`, also answering the new line's index: the line's stable id, since a
   * transcript only ever grows.
   */
  appendLine(id: string, line: TranscriptLine): Promise<{ ticket: HandoffTicket; index: number } | undefined>;
  /**
   * Records how the officer reply at `index` is doing, open or closed ticket alike. With `from`,
   * only while its current state is one of those (so of two retries at once exactly one goes);
   * `undefined` when it was not changed.
   */
  setDelivery(
    id: string,
    index: number,
    delivery: ReplyDelivery,
    from?: readonly DeliveryState[],
  ): Promise<HandoffTicket | undefined>;
}

/** A closed handoff whose personal data is due for erasure: what the erasure needs, no text. */
export interface ErasableHandoff {
  id: string;
  closedAt: Date;
  officeId?: string;
  /** The files its transcript carries (citizen uploads relayed, officers' files sent). */
  documentIds: string[];
  /** Transcript lines before the erasure (audited; the text itself is not kept). */
  lines: number;
}

/** Where an officer's reply is: `sent` only once the channel accepted it. */
export type DeliveryState = 'queued' | 'sent' | 'failed';

/** The delivery of one officer reply, kept on its transcript line. */
export interface ReplyDelivery {
  state: DeliveryState;
  /** When it reached this state. */
  at: Date;
  /** Why it failed, as the channel classified it. */
  reason?: SendFailure['reason'];
  /** The channel's own words for the failure (never the message text). */
  error?: string;
}
