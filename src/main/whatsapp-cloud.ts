import { createCloudChannel, type CloudChannel } from '../adapters/whatsapp-cloud/channel.js';
import type { Loket } from './loket.js';

/**
 * The WhatsApp Business Platform channel when its four credentials are set (README "Connect
 * WhatsApp Business Platform"), its sender registered in `loket.senders` under `wa_cloud` so
 * replies, notices and officer messages to its chats go out through the Cloud API. The HTTP
 * server mounts its webhook.
 */
export function wireWhatsAppCloud(loket: Loket): CloudChannel | undefined {
  const { config, logger } = loket;
  const token = config.WHATSAPP_CLOUD_TOKEN;
  const phoneNumberId = config.WHATSAPP_CLOUD_PHONE_NUMBER_ID;
  const appSecret = config.WHATSAPP_CLOUD_APP_SECRET;
  const verifyToken = config.WHATSAPP_CLOUD_VERIFY_TOKEN;
  if (!token || !phoneNumberId || !appSecret || !verifyToken) return undefined;
  const cloud = createCloudChannel({
    token,
    phoneNumberId,
    appSecret,
    verifyToken,
    apiRoot: config.WHATSAPP_CLOUD_API_ROOT,
    handleInbound: loket.handleInbound,
    logger: logger.child({ channel: 'wa_cloud' }),
    downloadTimeoutMs: config.WHATSAPP_DOWNLOAD_TIMEOUT_MS,
    // Receipts land on the outbound record that sent the message (by its wamid).
    onStatus: async (s) => {
      await loket.repos.outbox.recordReceipt(s.id, {
        state: s.state,
        at: s.at,
        ...(s.error ? { error: s.error } : {}),
      });
    },
  });
  loket.senders.set('wa_cloud', cloud.sender);
  logger.info('WhatsApp Business Platform: on (webhook /webhooks/whatsapp-cloud)');
  return cloud;
}
