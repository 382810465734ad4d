/**
 * `npm start`: the Loket server. The composition lives in src/main/: the runtime every part
 * shares (runtime.ts), the core without HTTP (loket.ts), the channels (channels.ts), the
 * background and leased jobs (background.ts, jobs.ts), the HTTP server (http.ts), all of it
 * started in order (server.ts), and the command line shared with the worker (run-command-line.ts).
 * This file is the entry and the public API tests, benchmarks and the other tools import.
 */
import { pathToFileURL } from 'node:url';
import { runCommandLine } from './main/run-command-line.js';
import { start } from './main/server.js';

export { createLoket, type CreateLoketOptions, type Loket } from './main/loket.js';
export { createRuntime, type Runtime, type RuntimeOptions } from './main/runtime.js';
export { wireTelegram, wireWhatsApp, type TelegramReceive } from './main/channels.js';
export { startBackground, type Background } from './main/background.js';
export { start, type Running, type StartOptions } from './main/server.js';

/** What `npm start -- --help` prints; the server takes no arguments (its settings are the environment). */
const TOOL = {
  name: 'server',
  usage:
    'Pemakaian / usage: npm start  (tanpa argumen; pengaturan lewat .env / no arguments; settings in .env)',
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runCommandLine({ tool: TOOL, start: (config, logger) => start(config, logger) });
}
