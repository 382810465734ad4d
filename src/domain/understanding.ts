/** The language a message is written in; neutral for "ok", "2", a NIK or a tracking number. */
export type MessageLanguage = 'id' | 'en' | 'neutral';

/**
 * The NLU's reading of a free-text message (computed only when the engine might need it). It
 * lives in the domain because src/nlu produces it and src/dialogue consumes it: neither of the
 * two imports the other.
 */
export interface Understanding {
  intent: string;
  confidence: number;
  service: string | null;
  /** Best candidates first, for the clarifying menu. */
  candidates: Array<{ intent: string; service: string | null; confidence: number }>;
  entities: { trackingNumber?: string; nik?: string; date?: string };
  /** The language of the message (absent from NLUs that do not tell), for replying in it. */
  language?: MessageLanguage;
}
