import type { Logger } from '../../config/logger.js';
import type { ChannelSender, OutgoingFile, SendOptions, SendResult } from '../../ports/channel-sender.js';
import { classifyGraphError, isWindowClosed } from './errors.js';
import type { GraphClient } from './graph.js';
import { renderReplies, type CloudContent } from './render.js';

/** Types the Cloud API shows inline as an image; anything else goes as a document with its name. */
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png']);
const CAPTION_LIMIT = 1024;

/** The channel name this sender serves (docs/decisions/0012-whatsapp-cloud-channel.md). */
export const WA_CLOUD = 'wa_cloud' as const;

/**
 * The Cloud API side of the channel-sender port: each reply is one POST to
 * `/{phone-number-id}/messages`; a file is uploaded to `/{phone-number-id}/media` first and sent
 * by its media id (a link would need a public URL). A failure is classified so the outbound path
 * retries only what can succeed later; a closed 24-hour window is a permanent failure with a
 * clear reason.
 */
export function createCloudSender(
  graph: GraphClient,
  phoneNumberId: string,
  logger: Logger,
  template?: StatusTemplate,
): ChannelSender {
  const messages = `/${phoneNumberId}/messages`;
  const post = (to: string, content: object) =>
    graph.post(messages, { messaging_product: 'whatsapp', recipient_type: 'individual', to, ...content });
  const attempt = async (chatId: string, run: () => Promise<string[]>): Promise<SendResult> => {
    try {
      const providerIds = await run();
      return providerIds.length > 0 ? { ok: true, providerIds } : { ok: true };
    } catch (err) {
      const reason = classifyGraphError(err);
      const error = isWindowClosed(err)
        ? `${errorText(err)} (jendela 24 jam tertutup / 24-hour window closed: only a template can reach this citizen)`
        : errorText(err);
      logger.warn(
        { err: { message: error }, reason, chat: `…${chatId.slice(-4)}` },
        'whatsapp cloud send failed',
      );
      return { ok: false, reason, error };
    }
  };
  return {
    channel: WA_CLOUD,
    send: (chatId, replies, options) =>
      attempt(chatId, async () => {
        const ids: string[] = [];
        try {
          for (const content of renderReplies(replies))
            ids.push(...wamids(await post(chatId, content satisfies CloudContent)));
        } catch (err) {
          // Outside the 24-hour window only an approved template reaches the citizen: a status
          // notice goes as one; any other message fails with the reason shown in the console.
          const params =
            isWindowClosed(err) && ids.length === 0 ? await templateParams(template, options) : undefined;
          if (!template || !params) throw err;
          return wamids(await post(chatId, templateContent(template, params)));
        }
        return ids;
      }),
    sendFile: (chatId, file) =>
      attempt(chatId, async () => {
        const id = await uploadMedia(graph, phoneNumberId, file);
        const caption = file.caption ? { caption: file.caption.slice(0, CAPTION_LIMIT) } : {};
        return wamids(
          await post(
            chatId,
            IMAGE_TYPES.has(file.contentType)
              ? { type: 'image', image: { id, ...caption } }
              : { type: 'document', document: { id, filename: file.filename, ...caption } },
          ),
        );
      }),
  };
}

/** Uploads a file's bytes as WhatsApp media; answers its media id. */
async function uploadMedia(graph: GraphClient, phoneNumberId: string, file: OutgoingFile): Promise<string> {
  const form = new FormData();
  form.set('messaging_product', 'whatsapp');
  form.set('type', file.contentType);
  form.set('file', new Blob([new Uint8Array(file.bytes)], { type: file.contentType }), file.filename);
  const answer = (await graph.upload(`/${phoneNumberId}/media`, form)) as { id?: unknown };
  if (typeof answer?.id !== 'string') throw new Error('media upload answered without an id');
  return answer.id;
}

/**
 * The approved utility template for status notices outside the 24-hour window, and how to fill
 * its body parameters (tracking number, status, due date) for an outbound record.
 */
export interface StatusTemplate {
  name: string;
  lang: string;
  /** The parameters for the record `messageId`, or undefined when it is no status notice. */
  paramsFor(messageId: string): Promise<string[] | undefined>;
}

async function templateParams(
  template: StatusTemplate | undefined,
  options: SendOptions | undefined,
): Promise<string[] | undefined> {
  if (!template || !options?.messageId) return undefined;
  return template.paramsFor(options.messageId);
}

function templateContent(template: StatusTemplate, params: string[]): object {
  return {
    type: 'template',
    template: {
      name: template.name,
      language: { code: template.lang },
      components: [{ type: 'body', parameters: params.map((text) => ({ type: 'text', text })) }],
    },
  };
}

/** The wamids a send answered with: its delivery receipts name them. */
function wamids(answer: unknown): string[] {
  const messages = (answer as { messages?: unknown } | undefined)?.messages;
  if (!Array.isArray(messages)) return [];
  return messages.flatMap((m) =>
    typeof (m as { id?: unknown }).id === 'string' ? [(m as { id: string }).id] : [],
  );
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
