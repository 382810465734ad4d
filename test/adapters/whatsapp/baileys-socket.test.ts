import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { createWhatsAppChannel, type WhatsAppChannel } from '../../../src/adapters/whatsapp/channel.js';
import { baileysSocketFactory, type SocketFactory } from '../../../src/adapters/whatsapp/socket.js';
import { MemoryAuthStore, MemoryLeases, silentLogger, waitFor } from './helpers.js';

/**
 * The production factory (Baileys' real makeWASocket, our auth state behind its key cache)
 * against a local WebSocket server that hangs up on every connection: what the channel sees
 * when WhatsApp's server is unreachable. Offline; no WhatsApp account involved.
 */
describe('baileysSocketFactory (real makeWASocket, local server that hangs up)', () => {
  let server: Server;
  let url = '';
  let connections = 0;
  const upgraded: Array<{ destroy(): void }> = [];
  let channel: WhatsAppChannel | undefined;

  beforeAll(async () => {
    // A bare WebSocket endpoint: completes the handshake (RFC 6455), then sends a close frame.
    server = createServer((_req, res) => res.writeHead(426).end());
    server.on('upgrade', (req, socket) => {
      connections++;
      upgraded.push(socket);
      const accept = createHash('sha1')
        .update(`${String(req.headers['sec-websocket-key'])}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`)
        .digest('base64');
      socket.write(
        `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
      );
      socket.end(Buffer.from([0x88, 0x00]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const a = server.address();
    url = `ws://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/ws/chat`;
  });
  afterAll(async () => {
    await channel?.stop();
    for (const socket of upgraded) socket.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('should open Baileys sockets, record the raw close code, and reconnect within its bound', async () => {
    const real = baileysSocketFactory({ waWebSocketUrl: url, version: [2, 3000, 1027934701] });
    let opened = 0;
    const counting: SocketFactory = (opts) => {
      opened++;
      return real(opts);
    };
    channel = createWhatsAppChannel({
      handleInbound: () => Promise.resolve({ status: 'processed', replies: [] }),
      logger: silentLogger,
      store: new MemoryAuthStore(),
      leases: new MemoryLeases(),
      socketFactory: counting,
      printQr: () => undefined,
      reconnect: { baseMs: 20, maxMs: 50, maxAttempts: 2 },
    });
    await channel.start();
    await waitFor(() => channel!.session.status().state === 'failed', 20_000);
    const s = channel.session.status();
    expect(connections).toBeGreaterThanOrEqual(3);
    expect(opened).toBe(3);
    expect(s.lastDisconnect?.code).toBe(428);
    expect(s.alert).toContain('setelah 2 percobaan');
    expect(s.qr).toBeUndefined();
  }, 30_000);
});
