import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { InboundMessage } from '../../app/inbound.js';

type Command = Extract<InboundMessage['content'], { kind: 'command' }>['command'];

/** The slash commands a citizen types in the terminal, as on Telegram. */
const COMMANDS: Record<string, Command> = {
  '/start': 'start',
  '/menu': 'menu',
  '/status': 'status',
  '/petugas': 'officer',
  '/batal': 'cancel',
  '/bahasa': 'language',
  '/bantuan': 'help',
  '/help': 'help',
};

/**
 * What a person typed in the terminal as citizen `user`, as the use case takes it: a command, a
 * text, or a file on this machine (read only when the use case fetches it, refused above its
 * size limit) with the text as its caption.
 */
export function terminalMessage(
  user: string,
  text: string | undefined,
  file: string | undefined,
): InboundMessage {
  const base = { channel: 'terminal' as const, chatId: user, messageId: randomUUID(), at: new Date() };
  if (file) {
    return {
      ...base,
      content: {
        kind: 'file',
        file: {
          filename: path.basename(file),
          fetch: async (maxBytes) => {
            const s = await stat(file);
            if (s.size > maxBytes) throw Object.assign(new Error('file too big'), { code: 'TOO_BIG' });
            return readFile(file);
          },
          ...(text ? { caption: text } : {}),
        },
      },
    };
  }
  const t = (text ?? '').trim();
  const command = COMMANDS[t.toLowerCase()];
  return { ...base, content: command ? { kind: 'command', command } : { kind: 'text', text: t } };
}
