/**
 * What Loket remembers per WhatsApp number on the Cloud API, without keeping the number: when the
 * citizen last wrote to the Cloud API number (Meta's 24-hour customer service window runs from
 * it), and when they were told that the office's WhatsApp notices now come from that number (the
 * failover, told once). A store keys each record by a blind index of the number.
 */
export interface CloudChatMarks {
  /** The time of the citizen's latest message to the Cloud API number. */
  lastInboundAt?: Date;
  /** When the new-number notice went out; absent until it did. */
  newNumberToldAt?: Date;
}

/** The per-number marks shared by every process (docs/decisions/0012-whatsapp-cloud-channel.md). */
export interface CloudChatLog {
  /** Records a message the citizen sent at `at`; an earlier time never moves the mark back. */
  wrote(number: string, at: Date): Promise<void>;
  /** Records that the new-number notice reached the number (idempotent: the first time stays). */
  toldNewNumber(number: string, at: Date): Promise<void>;
  /** The number's marks; empty when nothing was recorded. */
  marks(number: string): Promise<CloudChatMarks>;
  /** Forgets numbers with no mark since `date` (retention); answers how many. */
  forgetIdleBefore(date: Date): Promise<number>;
}
