import { DisconnectReason } from '@whiskeysockets/baileys';

/** What the channel does after a drop. */
export type DisconnectAction =
  /** Connect again after a back-off pause (network blips, WhatsApp restarts). */
  | 'reconnect'
  /** Connect again at once: WhatsApp asks for it after pairing (515). */
  | 'reconnect_now'
  /** Unlinked from the phone: forget the login, alert, show a new QR. */
  | 'logged_out'
  /** The same login was opened elsewhere: stop and alert instead of fighting over it. */
  | 'conflict'
  /** WhatsApp refuses this number or device: stop and alert. */
  | 'refused'
  /** Nobody scanned the QR in time: stop asking until an admin restarts pairing. */
  | 'pairing_timeout';

/** The status code inside Baileys' close error (a Boom); undefined when there is none. */
export function disconnectCode(error: unknown): number | undefined {
  const code = (error as { output?: { statusCode?: unknown } } | undefined)?.output?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

/** Names of the raw codes (Baileys' DisconnectReason; 408 means both a lost connection and a time-out). */
const NAMES: ReadonlyMap<number, string> = new Map([
  [Number(DisconnectReason.loggedOut), 'loggedOut'],
  [Number(DisconnectReason.connectionReplaced), 'connectionReplaced (conflict)'],
  [Number(DisconnectReason.connectionClosed), 'connectionClosed'],
  [Number(DisconnectReason.connectionLost), 'connectionLost/timedOut'],
  [Number(DisconnectReason.restartRequired), 'restartRequired'],
  [Number(DisconnectReason.badSession), 'badSession'],
  [Number(DisconnectReason.multideviceMismatch), 'multideviceMismatch'],
  [Number(DisconnectReason.forbidden), 'forbidden'],
  [Number(DisconnectReason.unavailableService), 'unavailableService'],
]);

/** A readable name for the raw code, for logs and the health page. */
export function disconnectReason(code: number | undefined, error: unknown): string {
  const name = code === undefined ? 'unknown' : (NAMES.get(code) ?? `code ${code}`);
  const message = error instanceof Error ? error.message : undefined;
  return message ? `${name}: ${message.slice(0, 200)}` : name;
}

/**
 * Decides by the raw code, as Baileys' own example does, but never loops blindly: a conflict
 * or a refused number stops, a logout starts pairing afresh, and only transient codes reconnect.
 */
export function actionFor(code: number | undefined, paired: boolean): DisconnectAction {
  switch (code) {
    case DisconnectReason.loggedOut:
      return 'logged_out';
    case DisconnectReason.connectionReplaced:
      return 'conflict';
    case DisconnectReason.forbidden:
    case DisconnectReason.multideviceMismatch:
      return 'refused';
    case DisconnectReason.restartRequired:
      return 'reconnect_now';
    case DisconnectReason.timedOut:
      // Unpaired, 408 means the QR codes ran out; paired, it is a lost connection.
      return paired ? 'reconnect' : 'pairing_timeout';
    default:
      return 'reconnect';
  }
}
