import { createCloudChannel, type CloudChannel } from '../adapters/whatsapp-cloud/channel.js';
import type { ApplicationRepository } from '../ports/application-repository.js';
import { describeStatus } from '../domain/status.js';
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
    statusTemplate: {
      name: config.WHATSAPP_CLOUD_TEMPLATE_STATUS,
      lang: config.WHATSAPP_CLOUD_TEMPLATE_LANG,
      paramsFor: (messageId) => statusTemplateParams(loket.repos.applications, messageId),
    },
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

/** The due date as the template shows it: a day in Jakarta's calendar, in Indonesian. */
const DUE = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'Asia/Jakarta',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/**
 * The body parameters of the status template for an outbound record: {{1}} tracking number,
 * {{2}} the status in Indonesian, {{3}} the due date. Only status notices (`status:<id>:<version>`,
 * src/app/officer/change-status.ts) have them.
 */
export async function statusTemplateParams(
  applications: Pick<ApplicationRepository, 'findById'>,
  messageId: string,
): Promise<string[] | undefined> {
  const m = /^status:([^:]+):\d+$/.exec(messageId);
  if (!m) return undefined;
  const app = await applications.findById(m[1]!);
  if (!app) return undefined;
  return [app.trackingNumber, describeStatus(app.status, 'id'), DUE.format(app.slaDueAt)];
}
