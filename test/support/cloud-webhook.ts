import { createHmac } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { CloudChannel } from '../../src/adapters/whatsapp-cloud/channel.js';

/**
 * Hands `raw` to the Cloud channel's webhook handler signed with the app secret as Meta signs it
 * (`x-hub-signature-256`), without an HTTP server; answers the status the handler set.
 */
export async function postSignedWebhook(channel: CloudChannel, secret: string, raw: Buffer): Promise<number> {
  const res = {
    statusCode: 0,
    setHeader: () => undefined,
    end: () => undefined,
  } as unknown as ServerResponse;
  const signature = `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
  await channel.webhookHandler({ headers: { 'x-hub-signature-256': signature }, body: raw }, res);
  return res.statusCode;
}
