import type { SkmScore } from '../domain/skm.js';

/**
 * A citizen's answer to the satisfaction question after an officer closed their conversation.
 * It names the conversation, the officer and the office, and nothing about the citizen.
 */
export interface SatisfactionAnswer {
  ticketId: string;
  officerId: string;
  officeId: string;
  score: SkmScore;
  /** Optional free text, digit runs already masked. */
  comment?: string;
  answeredAt: Date;
}

/** Which answers the dashboard reads. */
export interface SatisfactionFilter {
  /** At or after. */
  from: Date;
  /** Before. */
  to: Date;
}

/** Survey answers, one per conversation. */
export interface SatisfactionRepository {
  /**
   * Stores the conversation's answer. A second call for the same ticket replaces the score and
   * adds the comment when given, so "score, then comment" and a repeated message store one row.
   */
  record(answer: SatisfactionAnswer): Promise<void>;
  /** Answers in the window, newest first, at most `max` (the dashboard aggregates them). */
  listWindow(filter: SatisfactionFilter, max: number): Promise<SatisfactionAnswer[]>;
  /** The answers about these conversations (a citizen's data export). */
  listByTickets(ticketIds: readonly string[]): Promise<SatisfactionAnswer[]>;
  /**
   * Drops the free-text comments of these conversations (a citizen's approved deletion): the
   * score stays for the office's IKM, tied to a ticket that no longer names the chat.
   */
  dropComments(ticketIds: readonly string[]): Promise<number>;
}
