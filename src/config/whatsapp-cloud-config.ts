import { z } from 'zod';

/** The four credentials of the WhatsApp Business Platform: all set, or none (the channel is off). */
export const WHATSAPP_CLOUD_CREDENTIALS = [
  'WHATSAPP_CLOUD_TOKEN',
  'WHATSAPP_CLOUD_PHONE_NUMBER_ID',
  'WHATSAPP_CLOUD_APP_SECRET',
  'WHATSAPP_CLOUD_VERIFY_TOKEN',
] as const;

/**
 * The variables of the WhatsApp Business Platform (Cloud API) channel, merged into the config
 * schema (README "Connect WhatsApp Business Platform"). Kept apart so the main schema stays short.
 */
export const whatsappCloudShape = {
  /** A system user's permanent access token; sent as `Authorization: Bearer`. */
  WHATSAPP_CLOUD_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,}$/, 'expected the access token from Meta (letters and digits, no spaces)')
    .optional(),
  /** The id of the business phone number (not the number itself), from the app's WhatsApp page. */
  WHATSAPP_CLOUD_PHONE_NUMBER_ID: z
    .string()
    .regex(
      /^\d{5,20}$/,
      'expected the numeric phone number ID shown in Meta\'s "API Setup" page, not the number',
    )
    .optional(),
  /** The app secret: every webhook call is signed with it (X-Hub-Signature-256). */
  WHATSAPP_CLOUD_APP_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9]{16,128}$/, "expected the app secret from the app's Settings > Basic page")
    .optional(),
  /** Chosen by you and typed into Meta's webhook form; Meta sends it back when it checks the URL. */
  WHATSAPP_CLOUD_VERIFY_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, 'use 16 to 256 letters, digits, _ or -')
    .optional(),
  /** The Graph API root with its version; tests point it at a local fake. */
  WHATSAPP_CLOUD_API_ROOT: z
    .url({ message: 'expected a URL such as https://graph.facebook.com/v21.0' })
    .transform((u) => u.replace(/\/+$/, ''))
    .default('https://graph.facebook.com/v21.0'),
  /** The approved utility template for status notices outside the 24-hour window. */
  WHATSAPP_CLOUD_TEMPLATE_STATUS: z
    .string()
    .regex(/^[a-z0-9_]{1,512}$/, 'a template name uses lower-case letters, digits and _')
    .default('loket_status_update'),
  /**
   * The approved utility template (no parameters) that tells a citizen, once, that the office's
   * WhatsApp notices now come from the Cloud API number (the failover).
   */
  WHATSAPP_CLOUD_TEMPLATE_NEW_NUMBER: z
    .string()
    .regex(/^[a-z0-9_]{1,512}$/, 'a template name uses lower-case letters, digits and _')
    .default('loket_nomor_baru'),
  /** The language code the templates were was approved in (Meta's codes: id, en, en_US). */
  WHATSAPP_CLOUD_TEMPLATE_LANG: z
    .string()
    .regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'expected a language code such as id or en_US')
    .default('id'),
  /**
   * Minutes the Baileys number may stay logged out, in conflict or stopped before WhatsApp
   * notices go through the Cloud API number instead; 0 turns the failover off.
   */
  WHATSAPP_FAILOVER_MINUTES: z.coerce.number().int().min(0).max(10_080).default(15),
};

type CloudValues = { [K in (typeof WHATSAPP_CLOUD_CREDENTIALS)[number]]?: string | undefined };

/** All four credentials or none: a half-configured channel would fail on its first message. */
export function checkWhatsAppCloud(c: CloudValues, ctx: z.RefinementCtx): void {
  const set = WHATSAPP_CLOUD_CREDENTIALS.filter((k) => c[k] !== undefined);
  if (set.length === 0 || set.length === WHATSAPP_CLOUD_CREDENTIALS.length) return;
  for (const name of WHATSAPP_CLOUD_CREDENTIALS.filter((k) => c[k] === undefined))
    ctx.addIssue({
      code: 'custom',
      path: [name],
      message: `required when ${set.join(', ')} ${set.length === 1 ? 'is' : 'are'} set: the WhatsApp Business Platform needs all four (or none, to leave it off)`,
    });
}
