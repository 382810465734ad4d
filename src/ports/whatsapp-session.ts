/**
 * Where the WhatsApp connection is: `standby` (another process owns the number), `connecting`,
 * `pairing` (waiting for a QR scan or a pairing code), `open`, `reconnecting` (after a
 * transient drop), `logged_out` (unpaired from the phone: pair again), `conflict` (the same login
 * opened elsewhere), `failed` (gave up after too many attempts, or the number is refused),
 * `stopped`.
 */
const WHATSAPP_STATES = [
  'standby',
  'connecting',
  'pairing',
  'open',
  'reconnecting',
  'logged_out',
  'conflict',
  'failed',
  'stopped',
] as const;
export type WhatsAppState = (typeof WHATSAPP_STATES)[number];

/** `text` as a session state, or undefined when it is none (a lease note from elsewhere). */
export function asWhatsAppState(text: string | undefined): WhatsAppState | undefined {
  return (WHATSAPP_STATES as readonly (string | undefined)[]).includes(text)
    ? (text as WhatsAppState)
    : undefined;
}

/** A snapshot of the session's health for the admin console. */
export interface WhatsAppStatus {
  state: WhatsAppState;
  /** Since when it is in this state. */
  since: Date;
  /** The QR text to show while pairing (rendered as an image by the console). */
  qr?: string;
  /** The code to type on the phone, when one was requested for a phone number. */
  pairingCode?: string;
  /** The paired account (its WhatsApp id), when known. */
  account?: string;
  /** The last drop: the raw code from WhatsApp, its meaning, and when. */
  lastDisconnect?: { code: number | undefined; reason: string; at: Date };
  /** Reconnect attempts since the connection was last open. */
  reconnects: number;
  /** Messages that could not be decrypted ("Bad MAC" and the like) since start. */
  badMacCount: number;
  /** The process holding the number's lease (ours or another). */
  leaseHolder?: string;
  /** True when that holder is this process. */
  leaseOurs: boolean;
  /** The holder's session state as of its last renewal, while another process holds the number. */
  holderState?: WhatsAppState;
  /**
   * Which number WhatsApp messages go out through now, when a Cloud API number is configured as
   * the failover: the Baileys number, or the Cloud API number while this one is lost.
   */
  sendPath?: 'baileys' | 'cloud';
  /** What an admin must do, in Indonesian; absent when nothing. */
  alert?: string;
}

/**
 * The WhatsApp session as the officer console sees it: health for the admin page and the two
 * admin actions. The WhatsApp adapter implements it; the HTTP adapter only reads it.
 */
export interface WhatsAppSession {
  status(): WhatsAppStatus;
  /** Asks WhatsApp for an 8-character code to type on the phone (Linked devices > Link with phone number). */
  requestPairingCode(phone: string): Promise<string>;
  /** Connects again after a conflict, a logout or giving up; a new QR appears when unpaired. */
  restart(): Promise<void>;
  /** Unlinks this server from the number and forgets the login: the way to pair a different phone. */
  unpair(): Promise<void>;
}
