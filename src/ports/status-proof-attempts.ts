/** One wrong answer to "the applicant's date of birth or the last 4 digits of the NIK". */
export interface WrongProof {
  /** `channel:chatId` of the chat that answered. */
  chat: string;
  /** The canonical tracking number the chat asked about. */
  trackingNumber: string;
  at: Date;
}

/** Wrong answers in a window, counted both ways: a guesser may vary the chat or the number. */
export interface WrongProofCounts {
  /** By this chat, whatever the number. */
  byChat: number;
  /** For this number, whatever the chat. */
  byNumber: number;
}

/**
 * Wrong answers to the status-lookup question, kept in the database so the limit holds across
 * processes and restarts (a counter in memory would reset with every deploy and differ between
 * workers). Rows need only live as long as the window; the adapter prunes them.
 */
export interface StatusProofAttempts {
  /** Wrong answers since `since`, by this chat and for this number. */
  countWrong(chat: string, trackingNumber: string, since: Date): Promise<WrongProofCounts>;
  /** Records one wrong answer. */
  recordWrong(attempt: WrongProof): Promise<void>;
}
