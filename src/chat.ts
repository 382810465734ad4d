/**
 * The terminal channel: try Loket as a citizen without Telegram or WhatsApp, on the same engine
 * and the same database.
 *
 *   npm run chat                                   interactive; numbered menus, answer with the number or text
 *   npm run --silent chat -- --user budi "halo"    one message as citizen "budi", print the replies, exit
 *   npm run --silent chat -- --user budi --file ktp.jpg
 *   npm run --silent chat -- --user budi --lang en "hello"
 */
import { createInterface } from 'node:readline';
import { loadConfig } from './config/config.js';
import { parseCommandLine, runTool, UsageError } from './config/command-line.js';
import { createLogger } from './config/logger.js';
import { wireTerminal } from './main/channels.js';
import { createLoket } from './main/loket.js';

const TOOL = {
  name: 'chat',
  usage: 'Pemakaian / usage: npm run chat -- [--user ID] [--lang id|en] [--file PATH] [pesan / message...]',
};

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseCommandLine({
    args: argv,
    options: {
      user: { type: 'string' },
      lang: { type: 'string' },
      file: { type: 'string' },
    },
    allowPositionals: true,
  });
  const lang = values.lang === 'en' || values.lang === 'id' ? values.lang : undefined;
  if (values.lang !== undefined && !lang)
    throw new UsageError('--lang harus id atau en / --lang must be id or en');
  const config = loadConfig();
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn', process.stderr);
  const loket = await createLoket(config, logger, { shareEmbeddedDb: true });
  const say = wireTerminal(loket, lang);
  try {
    const user = values.user ?? `terminal-${process.env.USER ?? 'warga'}`;
    if (positionals.length > 0 || values.file) {
      const replies = await say(user, positionals.join(' '), values.file);
      process.stdout.write(replies.join('\n\n') + '\n');
      return;
    }
    const rl = createInterface({
      input: process.stdin,
      output: process.stdout,
      terminal: process.stdin.isTTY,
    });
    // Take the iterator now: it buffers lines, so piped input is not lost while replies are worked out.
    const lines = rl[Symbol.asyncIterator]();
    console.log('Loket (terminal). Ketik pesan; /file <path> untuk mengirim berkas; /keluar untuk keluar.\n');
    for (const r of await say(user, 'halo')) console.log(`Loket: ${r}\n`);
    rl.setPrompt('Anda: ');
    rl.prompt();
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      const line = next.value.trim();
      if (line === '/keluar' || line === '/exit') break;
      if (line) {
        const file = line.startsWith('/file ') ? line.slice(6).trim() : undefined;
        const replies = await say(user, file ? undefined : line, file).catch((err: unknown) => {
          logger.error({ err }, 'message failed');
          return ['Maaf, terjadi gangguan. Silakan coba lagi.'];
        });
        for (const r of replies) console.log(`\nLoket: ${r}`);
        console.log('');
      }
      rl.prompt();
    }
    rl.close();
  } finally {
    await loket.stop();
  }
}

await runTool(TOOL, main);
