import type { BaileysEventMap } from '@whiskeysockets/baileys';
import { isPaired, type StoredAuthState } from './auth-state.js';
import type { ConnectionEvent } from './connection-state.js';
import { disconnectCode } from './disconnect.js';
import type { WhatsAppSocket } from './socket.js';

/** Where a socket's events go. */
export interface SocketListeners {
  /** Baileys changed the credentials in place: write them. */
  onCreds: () => void;
  /** A connection event for the machine. */
  onEvent: (event: ConnectionEvent) => void;
  /** Whether the login loaded now is a paired one (it decides what a drop means). */
  pairedNow: () => boolean;
  /** Attaches the message handlers; returns how to detach them. */
  onSocket: (sock: WhatsAppSocket) => () => void;
}

/**
 * Turns Baileys' `connection.update` of socket `id` into the machine's events (a QR, open,
 * close with its raw code) and hands the socket to the message handlers; returns how to stop
 * listening.
 */
export function listenToSocket(
  id: number,
  sock: WhatsAppSocket,
  stored: StoredAuthState,
  l: SocketListeners,
): () => void {
  const onCreds = () => l.onCreds();
  const onUpdate = (u: BaileysEventMap['connection.update']) => {
    if (u.qr) l.onEvent({ type: 'qr', id, qr: u.qr, paired: isPaired(stored.state.creds) });
    if (u.connection === 'open') l.onEvent({ type: 'socket_opened', id, account: stored.state.creds.me?.id });
    if (u.connection === 'close') {
      const error = u.lastDisconnect?.error;
      l.onEvent({ type: 'socket_closed', id, code: disconnectCode(error), error, paired: l.pairedNow() });
    }
  };
  sock.ev.on('creds.update', onCreds);
  sock.ev.on('connection.update', onUpdate);
  const detachMessages = l.onSocket(sock);
  return () => {
    sock.ev.off('creds.update', onCreds);
    sock.ev.off('connection.update', onUpdate);
    detachMessages();
  };
}
