import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe } from '@jest/globals';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium: the browser tests drive it through playwright-core, which ships none. */
export const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
// CI installs chromium and sets CI=true: there a missing browser is a failure, never a silent skip.
if (!present && process.env.CI) throw new Error(`${CHROMIUM} is absent: .ci/run must install chromium`);
if (!present) console.warn(`browser tests skipped: ${CHROMIUM} is absent (apt-get install chromium)`);

/** `describe` where chromium is installed, `describe.skip` on a developer machine without it. */
export const describeBrowser = present ? describe : describe.skip;

/** Starts a headless chromium fit for a container (no sandbox, no GPU, no background traffic). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * One chromium for the test file (or the describe block it is called in): launched before its
 * tests, closed after them; not launched at all when chromium is absent (the tests are skipped).
 * Returns a getter because the browser exists only once the hook has run.
 */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (present) browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('chromium is not running: call useChromium() at the top of the file');
    return browser;
  };
}

/**
 * Fills the console's login form the page is on and waits for the queue, where a login lands;
 * for a page that reached the form itself (a redirect, a logout).
 */
export async function submitLogin(page: Page, base: string, username: string, password: string) {
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForURL(`${base}/console/queue`);
}

/** Logs an officer into the console at `base` through the login form, as a person would. */
export async function login(page: Page, base: string, username: string, password: string) {
  await page.goto(`${base}/console/login`);
  await submitLogin(page, base, username, password);
}

/**
 * Collects what went wrong in a page so a test can expect none: script errors always, and with
 * `console` also console errors (where Chromium reports CSP violations and failed loads).
 * `label` prefixes each entry, to tell several officers' pages apart in one list.
 */
export function watchErrors(
  page: Page,
  opts: { console?: boolean; label?: string; into?: string[] } = {},
): string[] {
  const errors = opts.into ?? [];
  const note = (text: string) => errors.push(opts.label ? `${opts.label}: ${text}` : text);
  page.on('pageerror', (e) => note(e.message));
  if (opts.console) page.on('console', (m) => (m.type() === 'error' ? note(m.text()) : undefined));
  return errors;
}
