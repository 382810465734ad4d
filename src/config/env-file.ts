import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

/**
 * Reads `.env` from the working directory when there is one, so "put the token in .env, then
 * `npm start`" works without exporting variables by hand. Variables already set in the
 * environment win (Docker, systemd, CI). Returns whether a file was read.
 */
export function loadEnvFileIfPresent(file = '.env', env: NodeJS.ProcessEnv = process.env): boolean {
  if (!existsSync(file)) return false;
  for (const [name, value] of Object.entries(parseEnv(readFileSync(file, 'utf8')))) {
    if (env[name] === undefined) env[name] = value;
  }
  return true;
}
