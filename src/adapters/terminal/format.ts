import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Reply } from '../../dialogue/types.js';
import type { OutgoingFile } from '../../ports/channel-sender.js';

/** Renders channel-neutral replies as plain text with numbered menus (terminal and WhatsApp style). */
export function formatPlain(reply: Reply): string {
  switch (reply.kind) {
    case 'text':
      return reply.text;
    case 'menu':
      return [reply.text, ...reply.options.map((o, i) => `${i + 1}. ${o.label}`)].join('\n');
    case 'document_request':
      return reply.text;
  }
}

/**
 * A file sent to a terminal citizen: written under the system's temporary folder (per user, its
 * name stripped of any path), and answered with where it is, which the terminal prints.
 */
export async function saveTerminalFile(user: string, file: OutgoingFile): Promise<string> {
  const dir = path.join(tmpdir(), 'loket-chat', user.replace(/[^\w-]+/g, '_'));
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, path.basename(file.filename));
  await writeFile(target, file.bytes);
  return `${path.basename(file.filename)} (${file.bytes.length} byte): ${target}`;
}
