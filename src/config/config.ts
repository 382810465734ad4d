import { z } from 'zod';
import { AREA_CODE } from '../catalog/area-codes.js';
import { checkWhatsAppCloud, whatsappCloudShape } from './whatsapp-cloud-config.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** A data key: base64 of exactly 32 bytes. */
const dataKey = z
  .string()
  .refine((k) => /^[A-Za-z0-9+/_-]+={0,2}$/.test(k) && Buffer.from(k, 'base64').length === 32, {
    message: 'must be base64 of 32 random bytes (openssl rand -base64 32)',
  });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** Every environment variable Loket reads, with its default. `.env.example` documents each one. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  /**
   * This deployment's own catalog (requirement texts, fees, extra services), layered over the
   * shipped flows/, locales/ and intents/services/ (docs/decisions/0007-catalog-overlay.md).
   */
  CATALOG_DIR: z.string().min(1).optional(),
  /** Keep the trained NLU model under DATA_DIR/nlu-cache, so a restart skips training. */
  NLU_CACHE: z.enum(['on', 'off']).default('on'),
  EMBEDDED_DB_PORT: z.coerce.number().int().min(1024).max(65535).default(27117),
  TRACKING_PREFIX: z
    .string()
    .regex(/^[A-Z]{2,8}$/, 'use 2 to 8 capital letters, e.g. PTSP')
    .default('PTSP'),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(5 * 1024 * 1024),
  UPLOAD_ALLOWED_TYPES: z
    .string()
    .default('image/jpeg,image/png,image/webp,application/pdf')
    .transform((s) =>
      s
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/, 'expected MIME types like image/jpeg')).min(1)),
  /**
   * The region this Loket serves: comma-separated Kemendagri codes of provinces ("31"),
   * kabupaten/kota ("32.01") or kecamatan ("32.01.01"). Selects the offices seeded and the
   * villages a citizen can choose; a code in no list stops start-up (`loadAreas`).
   */
  LOKET_AREAS: z
    .string()
    .default('31')
    .transform((s) =>
      s
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(
          z.string().regex(AREA_CODE, {
            error: (issue) =>
              `"${String(issue.input)}" bukan kode wilayah Kemendagri / is not a Kemendagri area code: use 31 (provinsi), 32.01 (kabupaten/kota) or 32.01.01 (kecamatan)`,
          }),
        )
        .min(1, 'name at least one area code, e.g. 31'),
    ),
  HOLIDAYS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    )
    .pipe(z.array(isoDate)),
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]{20,}$/, 'expected a BotFather token such as 123456:ABC-DEF...')
    .optional(),
  // Telegram only posts updates to https URLs; an http one would be accepted here and then never called.
  TELEGRAM_WEBHOOK_URL: z.url({ protocol: /^https$/, message: 'expected an https:// URL' }).optional(),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, 'use 16 to 256 letters, digits, _ or -')
    .optional(),
  TELEGRAM_API_ROOT: z.url({ message: 'expected a URL such as http://localhost:8081' }).optional(),
  TELEGRAM_DOWNLOAD_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  /**
   * Failures with the database healthy after which a Telegram update is parked as a dead letter
   * (shown in the console) and the citizen told to ask an officer; while the database is away an
   * update is retried without limit.
   */
  TELEGRAM_POISON_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  /**
   * Who receives the bot's updates: `server` (the HTTP server polls or takes the webhook) or
   * `worker` (only `npm run worker` polls; the server still sends officer replies and
   * notifications). Two processes polling one bot make Telegram refuse both (409 Conflict).
   */
  TELEGRAM_MODE: z.enum(['server', 'worker']).default('server'),
  /** Connect a WhatsApp number through Baileys (README "Connect WhatsApp"). */
  WHATSAPP_ENABLED: bool.default(false),
  /** Pair by an 8-character code typed on this phone instead of scanning the QR; country code first. */
  WHATSAPP_PAIRING_NUMBER: z
    .string()
    .transform((s) => s.replace(/[\s+()-]/g, ''))
    .pipe(z.string().regex(/^[1-9]\d{7,14}$/, 'digits with the country code, e.g. 6281234567890'))
    .optional(),
  /** Names the login in the database (one per number). */
  WHATSAPP_SESSION: z
    .string()
    .regex(/^[a-z0-9_-]{1,32}$/, 'use 1 to 32 of a-z 0-9 _ -')
    .default('default'),
  /** Smallest pause between two messages the number sends (a bursting unofficial client gets banned). */
  WHATSAPP_SEND_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /** Messages one chat may send per window before it is asked to wait. */
  WHATSAPP_CHAT_RATE_LIMIT: z.coerce.number().int().min(1).max(1000).default(20),
  WHATSAPP_CHAT_RATE_WINDOW_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  /** How long the number stays owned by a process that stopped renewing its lease. */
  WHATSAPP_LEASE_TTL_MS: z.coerce.number().int().min(5000).max(600_000).default(30_000),
  WHATSAPP_DOWNLOAD_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
  /** Consecutive reconnect attempts after transient drops before giving up and alerting admins. */
  WHATSAPP_MAX_RECONNECTS: z.coerce.number().int().min(1).max(1000).default(12),
  ...whatsappCloudShape,
  /**
   * The key that encrypts personal data at rest (AES-256-GCM): base64 of 32 random bytes
   * (`openssl rand -base64 32`). Required in production; elsewhere one is generated into DATA_DIR.
   */
  LOKET_DATA_KEY: dataKey.optional(),
  /** Earlier data keys, comma-separated: still read, until `npm run keys:rotate` has re-sealed their records. */
  LOKET_DATA_KEYS_OLD: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
    )
    .pipe(z.array(dataKey))
    .optional(),
  SESSION_SECRET: z.string().min(32, 'use at least 32 random characters (openssl rand -hex 32)').optional(),
  CSRF_SECRET: z.string().min(32, 'use at least 32 random characters (openssl rand -hex 32)').optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 7)
    .default(12),
  COOKIE_SECURE: bool.default(false),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(20),
  /** Days a new API token works; a leaked token stops working by itself after this. */
  API_TOKEN_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  QUEUE_POLL_MS: z.coerce.number().int().min(250).max(60_000).default(3000),
  CANNED_REPLIES: z
    .string()
    .default(
      'Selamat pagi, saya petugas Loket. Ada yang bisa saya bantu?|Mohon ditunggu sebentar, saya periksa dulu.|Terima kasih, permohonan Anda sedang kami proses.',
    )
    .transform((s) =>
      s
        .split('|')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  OUTBOX_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  /** Days after an application is final (or a handoff closed, or a chat silent) before its personal data is erased. */
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  /** How often the retention job looks for applications to erase (one process at a time, by lease). */
  RETENTION_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  /** Days before an upload that never became part of an application is deleted; a file still in a draft is kept. */
  ORPHAN_UPLOAD_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Days after an outbound message was sent (or given up) before its row goes; one still to be sent never goes. */
  OUTBOX_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Days a draft may lie untouched before it is removed; the citizen is reminded 3 days before, so at least 4. */
  DRAFT_DAYS: z.coerce.number().int().min(4).max(3650).default(30),
  /** Minutes a citizen waits unclaimed in the officer queue before being told they are still in it, and when to expect an answer. */
  HANDOFF_WAIT_NOTICE_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  /** Conversations one officer may hold at once; claiming one more is refused until one is closed or released. */
  HANDOFF_MAX_PER_OFFICER: z.coerce.number().int().min(1).max(100).default(5),
  /** How often the SLA check looks for applications past their due date (one process at a time, by lease). */
  SLA_CHECK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /**
   * How long a citizen's message stays claimed by the process handling it. When that process
   * dies mid-message, the redelivered message is taken over once this lapses; until then it is
   * answered "busy" (so it is retried, never handled twice). At least the slowest turn: a download.
   */
  INBOUND_LEASE_MS: z.coerce.number().int().min(5000).max(600_000).default(60_000),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  /**
   * Behind one reverse proxy (Caddy, nginx): the client address and https come from its
   * X-Forwarded-For / X-Forwarded-Proto. Only the nearest hop is trusted.
   */
  TRUST_PROXY: bool.default(false),
  /**
   * The address people open Loket at (behind a proxy, its https domain): links Loket prints, such
   * as the first-run setup link, start with it. Unset, they name the listening host and port.
   */
  PUBLIC_URL: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//.test(u), 'must start with http:// or https://')
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
});

export type Config = z.infer<typeof configSchema>;

/** Rules across variables, checked after each variable's own shape. */
const crossChecks = configSchema.superRefine(checkWhatsAppCloud).superRefine((c, ctx) => {
  if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_WEBHOOK_SECRET) {
    ctx.addIssue({
      code: 'custom',
      path: ['TELEGRAM_WEBHOOK_SECRET'],
      message:
        'required when TELEGRAM_WEBHOOK_URL is set (Telegram sends it back so forged webhooks are refused)',
    });
  }
  if (c.TELEGRAM_WEBHOOK_URL && c.TELEGRAM_MODE === 'worker') {
    ctx.addIssue({
      code: 'custom',
      path: ['TELEGRAM_MODE'],
      message:
        'worker means npm run worker polls Telegram; a webhook is received by the HTTP server, so empty TELEGRAM_WEBHOOK_URL or use TELEGRAM_MODE=server',
    });
  }
  for (const name of ['TELEGRAM_DOWNLOAD_TIMEOUT_MS', 'WHATSAPP_DOWNLOAD_TIMEOUT_MS'] as const) {
    if (c.INBOUND_LEASE_MS < c[name]) {
      ctx.addIssue({
        code: 'custom',
        path: ['INBOUND_LEASE_MS'],
        message: `must be at least ${name} (${c[name]}): a message whose file is still downloading would be taken over and handled twice`,
      });
    }
  }
  // Loket serves plain HTTP, so HTTPS means a proxy in front; express-session sets a Secure
  // cookie only on a request it trusts came over HTTPS (X-Forwarded-Proto, read only when the
  // proxy is trusted). Without TRUST_PROXY no login would ever stick.
  if (c.COOKIE_SECURE && !c.TRUST_PROXY) {
    ctx.addIssue({
      code: 'custom',
      path: ['TRUST_PROXY'],
      message:
        'must be true when COOKIE_SECURE is true: Loket itself serves plain HTTP, so HTTPS comes from a reverse proxy, and the session cookie is only sent on requests the trusted proxy marks https (README "HTTPS")',
    });
  }
  if (c.NODE_ENV === 'production' && !c.LOKET_DATA_KEY) {
    ctx.addIssue({
      code: 'custom',
      path: ['LOKET_DATA_KEY'],
      message:
        'required in production: personal data is encrypted with it, and a key generated on one machine would be lost with it (openssl rand -base64 32; keep a copy offline)',
    });
  }
  if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_BOT_TOKEN) {
    ctx.addIssue({
      code: 'custom',
      path: ['TELEGRAM_BOT_TOKEN'],
      message: 'required when TELEGRAM_WEBHOOK_URL is set',
    });
  }
});

/** A configuration value that fails validation; start-up stops with its message. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
  }
}

/** Parses the environment once. Empty strings count as unset, as in most .env files. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = crossChecks.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = i.path.join('.') || '(environment)';
        const got = typeof i.path[0] === 'string' ? env[i.path[0]] : undefined;
        return `${name}: ${i.message}${got !== undefined && !/TOKEN|SECRET|PASSWORD|URI|KEY/.test(name) ? ` (got "${got}")` : ''}`;
      }),
    );
  }
  return parsed.data;
}
