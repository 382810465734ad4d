import { issueSetupToken } from '../app/officer/first-admin.js';
import type { Loket } from './loket.js';

/**
 * The address people type: PUBLIC_URL when set (behind a proxy), else the listening host, or
 * localhost when it listens on every interface.
 */
function setupBase(loket: Loket, port: number): string {
  const { HOST, COOKIE_SECURE, PUBLIC_URL } = loket.config;
  if (PUBLIC_URL) return PUBLIC_URL;
  const host = HOST === '0.0.0.0' || HOST === '::' ? 'localhost' : HOST.includes(':') ? `[${HOST}]` : HOST;
  return `${COOKIE_SECURE ? 'https' : 'http'}://${host}:${port}`;
}

/**
 * While no officer exists, says in the log how to begin: a new one-time setup link (the token
 * appears in this one line only, never again), or that another process starting at the same
 * time printed it. Silent once an officer exists.
 */
export async function announceFirstRun(loket: Loket, port: number): Promise<void> {
  const { repos, runtime, logger } = loket;
  const issued = await issueSetupToken({
    officers: repos.officers,
    setupTokens: repos.setupTokens,
    now: runtime.now,
  });
  if (issued.kind === 'officers-exist') return;
  if (issued.kind === 'issued-elsewhere') {
    logger.warn(
      'Belum ada akun petugas: tautan penyiapan dicetak di log proses Loket lain yang baru dinyalakan / no officer yet: the setup link is in the log of another Loket process that just started',
    );
    return;
  }
  const url = `${setupBase(loket, port)}/console/setup?token=${issued.token}`;
  logger.warn(
    `Belum ada akun petugas. Buka tautan ini untuk membuat admin pertama (sekali pakai, berlaku 24 jam): ${url} / No officer yet: open this link to create the first admin (one use, valid 24 h). Untuk skrip / for scripts: npm run officer:create`,
  );
}
