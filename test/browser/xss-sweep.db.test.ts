import { expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { PASSWORD, useHttpApp } from '../adapters/http/http-fixture.js';
import { intakeSettings } from '../adapters/http/intake-support.js';
import { describeBrowser, login, useChromium, watchErrors } from '../support/browser.js';
import { ALL, PAYLOADS, seedPayloads, type Seeded } from './xss-seed.js';

const app = useHttpApp('browser_xss', { intake: await intakeSettings() });
const browser = useChromium();
let seeded: Promise<Seeded> | undefined;
/** The payloads, seeded once for the file's tests (officer usernames are unique). */
const seed = () => (seeded ??= seedPayloads(app()));

/**
 * Every console page an admin can open, with the seeded ids and payloads in the query string,
 * and whether it shows seeded text (the dashboard and intake show counts and the catalog only).
 */
function pages(s: Seeded): Array<[path: string, shows: boolean]> {
  const q = encodeURIComponent(ALL);
  return [
    ['/console/queue', true],
    [`/console/handoffs/${s.handoffId}`, true],
    ['/console/applications', true],
    [`/console/applications?q=${q}&status=${q}&service=${q}&office=${q}`, true],
    [`/console/applications/${s.applicationId}`, true],
    ['/console/dashboard', false],
    [`/console/dashboard?from=${q}&to=${q}`, false],
    ['/console/audit', true],
    [`/console/audit?type=${q}&actor=${q}&from=${q}`, true],
    ['/console/deliveries', true],
    [`/console/deliveries?channel=${q}&status=${q}`, true],
    ['/console/dead-letters', true],
    ['/console/admin/offices', true],
    [`/console/offices/${s.officeId}`, true],
    ['/console/holidays', true],
    ['/console/canned-replies', true],
    ['/console/admin/officers', true],
    [`/console/admin/officers?done=${q}`, true],
    ['/console/intake', false],
    ['/console/intake/ktp', false],
  ];
}

/** A page that records dialogs, script errors and CSP reports (an injected handler shows there). */
async function watchedPage(): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
  const page = await (await browser().newContext()).newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${page.url()}: ${d.message()}`);
    void d.dismiss();
  });
  return { page, dialogs, errors: watchErrors(page, { console: true }) };
}

/**
 * What in the page's DOM came from a payload rather than from the views: an element the payload
 * would inject, an inline event handler, a `javascript:` URL, a script that calls alert.
 */
function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const html = (el: Element) => el.outerHTML.slice(0, 120);
    for (const el of document.querySelectorAll('img[src="x"], svg[onload], svg > svg')) found.push(html(el));
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) if (/^on/i.test(attr.name)) found.push(`${attr.name}: ${html(el)}`);
      for (const name of ['href', 'src', 'action', 'formaction']) {
        if (/^\s*javascript:/i.test(el.getAttribute(name) ?? '')) found.push(`${name}: ${html(el)}`);
      }
    }
    for (const s of document.querySelectorAll('script'))
      if (/alert/.test(s.textContent ?? '')) found.push(html(s));
    return found;
  });
}

/** Which payloads the page shows as text (proof the data reached the page, escaped). */
async function shown(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    const values = [...document.querySelectorAll('input, textarea')].map(
      (e) => (e as HTMLInputElement).value,
    );
    return [document.body.innerText, ...values].join('\n');
  });
  return PAYLOADS.filter((p) => text.includes(p));
}

/** Errors other than refusals (a payload in a query string, a wrong login): CSP reports and script errors. */
const scriptErrors = (errors: string[]) => errors.filter((e) => !/status of 4\d\d/.test(e));

describeBrowser('no script injection in the console', () => {
  it('should show every seeded payload as text on every page, with no dialog and no injected element', async () => {
    const f = app();
    const seeded = await seed();
    const { page, dialogs, errors } = await watchedPage();
    await login(page, f.base, 'admin', PASSWORD);
    const seen = new Set<string>();
    for (const [path, shows] of pages(seeded)) {
      const res = await page.goto(`${f.base}${path}`);
      // A payload in a query string may be refused (400) but must be as harmless as stored data.
      expect([path, [200, 400]]).toEqual([path, expect.arrayContaining([res?.status()])]);
      const found = await shown(page);
      found.forEach((p) => seen.add(p));
      expect({ path, injected: await injected(page) }).toEqual({ path, injected: [] });
      if (shows) expect({ path, shown: found.length > 0 }).toEqual({ path, shown: true });
    }
    expect([...seen].sort()).toEqual([...PAYLOADS].sort());
    expect(dialogs).toEqual([]);
    expect(scriptErrors(errors)).toEqual([]);
    await page.close();
  }, 120_000);

  it('should show payloads that arrive through the live streams as text, and the detector should find a real injection', async () => {
    const f = app();
    const { repos } = f;
    const { page, dialogs, errors } = await watchedPage();
    await login(page, f.base, 'admin', PASSWORD);
    const { ticket } = await repos.handoffs.open({
      channel: 'telegram',
      chatId: '990002',
      citizenName: 'Warga Live',
      reason: 'asked',
      priority: false,
      officeId: '31.71.01.1001',
      createdAt: new Date(),
    });
    await page.goto(`${f.base}/console/handoffs/${ticket.id}`);
    // The citizen's message, an officer reply whose delivery fails, and a note: all streamed.
    const at = new Date();
    await repos.handoffs.appendLine(ticket.id, { from: 'citizen', text: `live ${ALL}`, at });
    const reply = await repos.handoffs.appendLine(ticket.id, {
      from: 'officer',
      text: `reply ${ALL}`,
      at,
      delivery: { state: 'queued', at },
    });
    await repos.handoffs.addNote(ticket.id, { officerId: 'x', officerName: ALL, text: `note ${ALL}`, at });
    await page.waitForSelector(`#transcript li:has-text(${JSON.stringify(`live ${PAYLOADS[0]}`)})`);
    await page.waitForSelector(`#notes-list li:has-text(${JSON.stringify(`note ${PAYLOADS[0]}`)})`);
    await repos.handoffs.setDelivery(ticket.id, reply!.index, {
      state: 'failed',
      reason: 'failed',
      error: ALL,
      at,
    });
    await page.waitForSelector('#transcript li.from-officer [data-state=failed]');
    expect(await shown(page)).toEqual([...PAYLOADS]);
    expect(await injected(page)).toEqual([]);

    // The queue's rows are streamed too: a citizen whose name is a payload starts waiting.
    await page.goto(`${f.base}/console/queue`);
    await repos.handoffs.open({
      channel: 'telegram',
      chatId: '990003',
      citizenName: `queued ${ALL}`,
      reason: 'asked',
      priority: false,
      officeId: '31.71.01.1001',
      createdAt: new Date(),
    });
    await page.waitForSelector(`#queue tr:has-text(${JSON.stringify(`queued ${PAYLOADS[0]}`)})`);
    expect(await injected(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(scriptErrors(errors)).toEqual([]);

    // Not vacuous: the same payload put into the page as markup is found.
    await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), ALL);
    expect((await injected(page)).length).toBeGreaterThanOrEqual(3);
    await page.close();
  }, 120_000);

  it('should keep payloads typed into every form field as text on the page that answers', async () => {
    const f = app();
    const { applicationId, officeId } = await seed();
    const { page, dialogs, errors } = await watchedPage();
    // The login form answers a wrong login with the form again.
    await page.goto(`${f.base}/console/login`);
    const report: Record<string, string[]> = {
      login: await fillAndSubmit(page, 'form[action="/console/login"]'),
    };
    await login(page, f.base, 'admin', PASSWORD);
    const forms: Array<[path: string, form: string]> = [
      [`/console/applications/${applicationId}`, 'form[action$="/status"]'],
      ['/console/applications', 'form.filters'],
      ['/console/audit', 'form.filters'],
      ['/console/deliveries', 'form.filters'],
      ['/console/admin/offices', 'form.filters'],
      ['/console/canned-replies', '#new-canned-reply'],
      ['/console/holidays', 'form.holiday-add'],
      ['/console/admin/officers', '#new-officer'],
      [`/console/offices/${officeId}`, '#office-edit'],
      ['/console/intake/ktp', '#intake-form'],
    ];
    for (const [path, form] of forms) {
      await page.goto(`${f.base}${path}`);
      report[`${path} ${form}`] = await fillAndSubmit(page, form);
    }
    expect(Object.entries(report).filter(([, found]) => found.length > 0)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(scriptErrors(errors)).toEqual([]);
    await page.close();
  }, 120_000);
});

/**
 * Types the payloads into every text field of the form, submits it and waits for the answer
 * (a new page, or the script's status line); answers what the answering page has injected.
 */
async function fillAndSubmit(page: Page, selector: string): Promise<string[]> {
  const form = page.locator(selector).first();
  const fields = form.locator(
    'input:not([type]), input[type=text], input[type=search], input[type=password], input[type=tel], textarea',
  );
  for (const field of await fields.all()) if (await field.isVisible()) await field.fill(ALL);
  const button = form.locator('button[type=submit], button:not([type])').first();
  await Promise.all([page.waitForEvent('load', { timeout: 5000 }).catch(() => undefined), button.click()]);
  return injected(page);
}
