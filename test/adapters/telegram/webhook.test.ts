import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { HandleResult } from '../../../src/app/inbound.js';
import { captureApi, testChannel, scriptedInbound, updates } from './helpers.js';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((r) => server?.close(r) ?? r(undefined));
  server = undefined;
});

async function serve(answer: () => HandleResult) {
  const script = scriptedInbound(answer);
  const channel = testChannel({
    handleInbound: script.handle,
    webhook: { secretToken: 'rahasia-webhook' },
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
});
