import type { Channel } from '../domain/application.js';

/** Why a citizen is waiting for an officer. */
export type HandoffReason = 'asked' | 'not_understood' | 'complaint';

/** One line of the chat between citizen, bot and officer, kept with the ticket. */
export interface TranscriptLine {
  from: 'citizen' | 'officer' | 'bot';
  /** For a file, `[berkas: name]`: what a reader without the file (an export, the API) sees. */
  text: string;
  at: Date;
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
}

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
  close(id: string, now: Date): Promise<HandoffTicket | undefined>;
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
}
