import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { PoisonOptions } from '../../../src/adapters/telegram/poison.js';
import type { HandleResult } from '../../../src/app/inbound.js';
import type { DeadLetter, DeadLetterStore } from '../../../src/ports/dead-letter-store.js';
import { memoryInboundAttempts } from '../../support/memory-inbound-attempts.js';
import { captureApi, testChannel, scriptedInbound, updates } from './helpers.js';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((r) => server?.close(r) ?? r(undefined));
  server = undefined;
});

/** Dead letters in memory: the port's contract, for the webhook alone. */
function memoryDeadLetters(): DeadLetterStore & { letters: DeadLetter[] } {
  const letters: DeadLetter[] = [];
  return {
    letters,
    park: (l) => {
      const found = letters.find((x) => x.channel === l.channel && x.messageId === l.messageId);
      if (found) return Promise.resolve(found);
      letters.push({ ...l });
      return Promise.resolve({ ...l });
    },
    markNotified: (channel, messageId, at) => {
      const found = letters.find((x) => x.channel === channel && x.messageId === messageId);
      if (found) found.notifiedAt = at;
      return Promise.resolve();
    },
    list: () => Promise.resolve({ items: [...letters], total: letters.length }),
  };
}

async function serve(answer: () => HandleResult | Error, poison?: PoisonOptions) {
  const script = scriptedInbound(answer);
  const channel = testChannel({
    handleInbound: script.handle,
    webhook: { secretToken: 'rahasia-webhook' },
    ...(poison ? { poison } : {}),
  });
  const api = captureApi(channel.bot);
  server = createServer((req, res) => void channel.webhookHandler(req, res));
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram/webhook`;
  const post = (body: unknown, secret?: string) =>
    fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}),
      },
      body: JSON.stringify(body),
    });
  return { script, api, post };
}

describe('webhookHandler', () => {
  it('should refuse a request without the secret token with 401 and handle nothing', async () => {
    const { script, api, post } = await serve(() => ({
      status: 'processed',
      replies: [{ kind: 'text', text: 'x' }],
    }));
    expect((await post(updates.text(1, 'halo'))).status).toBe(401);
    expect((await post(updates.text(1, 'halo'), 'tebakan')).status).toBe(401);
    expect(script.received).toHaveLength(0);
    expect(api.calls).toHaveLength(0);
  });

  it('should handle an update with the right secret token and answer 200', async () => {
    const { script, api, post } = await serve(() => ({
      status: 'processed',
      replies: [{ kind: 'text', text: 'Halo!' }],
    }));
    const res = await post(updates.text(2, 'halo'), 'rahasia-webhook');
    expect(res.status).toBe(200);
    expect(script.received[0]!.messageId).toBe('2');
    expect(api.texts()).toEqual(['Halo!']);
  });

  it('should answer 5xx for an unprocessed update so Telegram delivers it again', async () => {
    const { post } = await serve(() => ({ status: 'busy', replies: [] }));
    const res = await post(updates.text(3, 'halo'), 'rahasia-webhook');
    expect(res.status).toBe(503);
  });

  it('should answer 400 for a body that is not an update', async () => {
    const { post } = await serve(() => ({ status: 'processed', replies: [] }));
    expect((await post({ hello: 1 }, 'rahasia-webhook')).status).toBe(400);
  });

  it('should answer 503 while the database is away, however often, and park nothing', async () => {
    const deadLetters = memoryDeadLetters();
    const attempts = memoryInboundAttempts();
    const { post } = await serve(() => new Error('connection closed'), {
      databaseHealthy: () => Promise.resolve(false),
      deadLetters,
      attempts,
      maxAttempts: 2,
    });
    for (let i = 0; i < 4; i++)
      expect((await post(updates.text(5, 'halo'), 'rahasia-webhook')).status).toBe(503);
    expect(deadLetters.letters).toHaveLength(0);
    // Each try was recorded before it ran, and taken back once it failed with the database away.
    expect(attempts.rows.get('telegram:5')).toBe(0);
  });

  it('should park an update whose recorded tries never finished, without trying it again', async () => {
    const deadLetters = memoryDeadLetters();
    const attempts = memoryInboundAttempts();
    // Three tries recorded by earlier processes, none finished: each crashed or hung its process.
    attempts.rows.set('telegram:8', 3);
    const { script, api, post } = await serve(() => ({ status: 'processed', replies: [] }), {
      databaseHealthy: () => Promise.resolve(true),
      deadLetters,
      attempts,
      maxAttempts: 3,
    });
    expect((await post(updates.text(8, 'halo'), 'rahasia-webhook')).status).toBe(200);
    expect((await post(updates.text(8, 'halo'), 'rahasia-webhook')).status).toBe(200);
    expect(script.received).toHaveLength(0);
    expect(deadLetters.letters).toEqual([
      expect.objectContaining({
        messageId: '8',
        chatId: '777',
        attempts: 3,
        error: expect.stringMatching(/^Unfinished: /),
      }),
    ]);
    expect(api.texts().filter((t) => /tidak dapat kami proses/.test(t))).toHaveLength(1);
  });

  it('should still try an update when its try cannot be recorded, and forget the tries once handled', async () => {
    const attempts = memoryInboundAttempts();
    attempts.rows.set('telegram:9', 2);
    const refusing = { ...attempts, begin: () => Promise.reject(new Error('connection closed')) };
    const { script, post } = await serve(() => ({ status: 'processed', replies: [] }), {
      databaseHealthy: () => Promise.resolve(true),
      deadLetters: memoryDeadLetters(),
      attempts: refusing,
      maxAttempts: 3,
    });
    expect((await post(updates.text(9, 'halo'), 'rahasia-webhook')).status).toBe(200);
    expect(script.received).toHaveLength(1);
    expect(attempts.rows.has('telegram:9')).toBe(false);
  });

  it('should park an update that fails with the database healthy, tell the citizen once, and answer 200', async () => {
    const deadLetters = memoryDeadLetters();
    const { api, post } = await serve(() => new TypeError('boom'), {
      databaseHealthy: () => Promise.resolve(true),
      deadLetters,
      attempts: memoryInboundAttempts(),
      maxAttempts: 3,
    });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await post(updates.text(6, 'halo'), 'rahasia-webhook')).status);
    expect(statuses).toEqual([500, 500, 200, 200]);
    expect(deadLetters.letters).toEqual([
      expect.objectContaining({
        messageId: '6',
        chatId: '777',
        kind: 'text',
        attempts: 3,
        error: 'TypeError: boom',
      }),
    ]);
    expect(api.texts().filter((t) => /tidak dapat kami proses/.test(t))).toHaveLength(1);
    expect(api.texts().filter((t) => /<b>petugas<\/b>/.test(t))).toHaveLength(1);
  });
});
