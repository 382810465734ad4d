import { pino, type Logger } from 'pino';

export type { Logger };

/** Keys that never reach a log line, whatever object they sit in. */
const REDACT = [
  'password',
  'token',
  'secret',
  'authorization',
  'cookie',
  'nik',
  '*.password',
  '*.token',
  '*.secret',
  '*.authorization',
  '*.cookie',
  '*.nik',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-telegram-bot-api-secret-token"]',
];

/** The one logger factory: pino, object first, errors under `err`, secrets and NIKs redacted. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, redact: { paths: REDACT, censor: '[redacted]' }, base: { app: 'loket' } },
    destination,
  );
}
