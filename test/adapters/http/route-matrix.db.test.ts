import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { WhatsAppSession, WhatsAppStatus } from '../../../src/ports/whatsapp-session.js';
import { newApplication, sequentialNumbers } from '../mongo/fixtures.js';
import { issueApiToken } from '../../../src/app/officer/api-tokens.js';
import { createOfficer } from '../../../src/app/officer/create-officer.js';
import { api, Client, PASSWORD, useHttpApp, type HttpFixture } from './http-fixture.js';
import { intakeSettings } from './intake-support.js';

/**
 * Every HTTP route, by table: who may call it, and what each kind of caller gets. The table is
 * checked against the routers' source, so a new route without a row fails here.
 *
 *   anonymous        API 401 (JSON), console page 302 to the login, console form and stream 401
 *   wrong role       403
 *   no CSRF token    403, for every state change made with a session cookie
 *   bad input        400 naming the fields (API) or re-rendering the form with the error
 *   garbage          (fast-check) never 500, and the database is unchanged
 */

type Access = 'public' | 'officer' | 'supervisor' | 'admin' | 'agency';
type Body = 'json' | 'form' | 'multipart' | 'none';
interface Route {
  method: 'GET' | 'POST';
  /** As written in the router, with its mount prefix. */
  pattern: string;
  access: Access;
  body: Body;
  /** An input the route must refuse with 400 (for a role allowed to call it). */
  bad?: Record<string, unknown>;
  /** Streams forever when allowed (SSE): only the refusals are checked. */
  stream?: boolean;
  /**
   * Whether a generated body is in fact a valid request (a toggle's own value, sent as a form
   * field): the garbage property skips it rather than expect a refusal.
   */
  valid?: (body: Record<string, unknown>) => boolean;
}

const ROUTES: Route[] = [
  { method: 'GET', pattern: '/', access: 'public', body: 'none' },
  { method: 'GET', pattern: '/healthz', access: 'public', body: 'none' },
  { method: 'GET', pattern: '/readyz', access: 'public', body: 'none' },
  // API (api-router.ts, dashboard-router.ts, admin-router.ts, intake-api-router.ts)
  { method: 'GET', pattern: '/api/openapi.json', access: 'officer', body: 'none' },
  { method: 'GET', pattern: '/api/csrf-token', access: 'officer', body: 'none' },
  { method: 'GET', pattern: '/api/me', access: 'officer', body: 'none' },
  { method: 'POST', pattern: '/api/me/tokens', access: 'officer', body: 'json' },
  { method: 'GET', pattern: '/api/me/tokens', access: 'officer', body: 'none' },
  { method: 'POST', pattern: '/api/tokens/:id/revoke', access: 'officer', body: 'json' },
  { method: 'GET', pattern: '/api/applications', access: 'officer', body: 'none' },
  { method: 'GET', pattern: '/api/applications/:id', access: 'officer', body: 'none' },
  {
    method: 'POST',
    pattern: '/api/applications/:id/status',
    access: 'officer',
    body: 'json',
    bad: { to: 'DIBAKAR', note: 7 },
  },
  { method: 'GET', pattern: '/api/applications/:id/documents/:docId', access: 'officer', body: 'none' },
  {
    method: 'POST',
    pattern: '/api/applications',
    access: 'officer',
    body: 'json',
    bad: { serviceId: 5, answers: 'semua' },
  },
  // Agencies (api/agency-routes.ts); `agency` routes are an agency account's alone.
  { method: 'GET', pattern: '/api/agencies', access: 'officer', body: 'none' },
  { method: 'GET', pattern: '/api/agency/applications', access: 'agency', body: 'none' },
  {
    method: 'POST',
    pattern: '/api/applications/:id/forward',
    access: 'officer',
    body: 'json',
    bad: { agencyId: '', note: 5 },
  },
  {
    method: 'POST',
    pattern: '/api/applications/:id/agency-answer',
    access: 'officer',
    body: 'json',
    bad: { outcome: 'dibakar' },
  },
  { method: 'GET', pattern: '/api/handoffs', access: 'officer', body: 'none' },
  { method: 'GET', pattern: '/api/handoffs/:id', access: 'officer', body: 'none' },
  { method: 'POST', pattern: '/api/handoffs/:id/claim', access: 'officer', body: 'json' },
  { method: 'POST', pattern: '/api/handoffs/:id/reply', access: 'officer', body: 'json', bad: { text: '' } },
  { method: 'POST', pattern: '/api/handoffs/:id/release', access: 'officer', body: 'json' },
  {
    method: 'POST',
    pattern: '/api/handoffs/:id/close',
    access: 'officer',
    body: 'json',
    bad: { resolution: 'dibakar' },
  },
  { method: 'POST', pattern: '/api/handoffs/:id/notes', access: 'officer', body: 'json', bad: { text: '' } },
  {
    method: 'POST',
    pattern: '/api/handoffs/:id/transfer',
    access: 'officer',
    body: 'json',
    bad: { toOfficeId: 'x', note: '' },
  },
  { method: 'POST', pattern: '/api/handoffs/:id/hand-back', access: 'officer', body: 'json' },
  { method: 'GET', pattern: '/api/me/availability', access: 'officer', body: 'none' },
  {
    method: 'POST',
    pattern: '/api/me/availability',
    access: 'officer',
    body: 'json',
    bad: { available: 'mungkin' },
  },
  { method: 'GET', pattern: '/api/metrics', access: 'supervisor', body: 'none' },
  { method: 'GET', pattern: '/api/audit', access: 'supervisor', body: 'none' },
  { method: 'GET', pattern: '/api/deliveries', access: 'supervisor', body: 'none' },
  { method: 'GET', pattern: '/api/officers', access: 'admin', body: 'none' },
  {
    method: 'POST',
    pattern: '/api/officers',
    access: 'admin',
    body: 'json',
    bad: { username: 'a', password: 'x', role: 'raja' },
  },
  {
    method: 'POST',
    pattern: '/api/officers/:id/active',
    access: 'admin',
    body: 'json',
    bad: { active: 'ya' },
  },
  {
    method: 'POST',
    pattern: '/api/officers/:id/password',
    access: 'admin',
    body: 'json',
    bad: { password: 'pendek' },
  },
  { method: 'POST', pattern: '/api/officers/:id/tokens', access: 'admin', body: 'json' },
  { method: 'POST', pattern: '/api/officers/:id/tokens/revoke', access: 'admin', body: 'json' },
  { method: 'GET', pattern: '/api/offices', access: 'admin', body: 'none' },
  // Console (console-router.ts and the routers it mounts; intake-router.ts at /console/intake)
  { method: 'GET', pattern: '/console/assets/:file', access: 'public', body: 'none' },
  { method: 'GET', pattern: '/console/login', access: 'public', body: 'none' },
  { method: 'POST', pattern: '/console/login', access: 'public', body: 'form' },
  // First-run setup (console/setup-routes.tsx): a one-time token, not a login, opens it.
  { method: 'GET', pattern: '/console/setup', access: 'public', body: 'none' },
  { method: 'POST', pattern: '/console/setup', access: 'public', body: 'form' },
  { method: 'POST', pattern: '/console/logout', access: 'officer', body: 'form' },
  { method: 'GET', pattern: '/console/', access: 'officer', body: 'none' },
  { method: 'GET', pattern: '/console/applications', access: 'officer', body: 'none' },
  { method: 'GET', pattern: '/console/applications/:id', access: 'officer', body: 'none' },
  {
    method: 'POST',
    pattern: '/console/applications/:id/status',
    access: 'officer',
    body: 'form',
    bad: { to: 'DIBAKAR' },
  },
  {
    method: 'POST',
    pattern: '/console/applications/:id/forward',
    access: 'officer',
    body: 'form',
    bad: { agencyId: '', note: '' },
  },
  {
    method: 'POST',
    pattern: '/console/applications/:id/agency-answer',
    access: 'officer',
    body: 'form',
    bad: { outcome: 'dibakar' },
  },
  // An agency account's own page (console/agency-inbox-routes.tsx).
  { method: 'GET', pattern: '/console/agency', access: 'agency', body: 'none' },
  {
    method: 'POST',
    pattern: '/console/agency/:id/answer',
    access: 'agency',
    body: 'form',
    bad: { outcome: 'dibakar' },
  },
  { method: 'GET', pattern: '/console/queue', access: 'officer', body: 'none' },
  { method: 'GET', pattern: '/console/queue/stream', access: 'officer', body: 'none', stream: true },
  { method: 'GET', pattern: '/console/handoffs/:id', access: 'officer', body: 'none' },
  { method: 'POST', pattern: '/console/handoffs/:id/claim', access: 'officer', body: 'form' },
  {
    method: 'POST',
    pattern: '/console/handoffs/:id/reply',
    access: 'officer',
    body: 'form',
    bad: { text: '' },
  },
  { method: 'POST', pattern: '/console/handoffs/:id/release', access: 'officer', body: 'form' },
  {
    method: 'POST',
    pattern: '/console/handoffs/:id/close',
    access: 'officer',
    body: 'form',
    bad: { resolution: 'dibakar' },
  },
  {
    method: 'POST',
    pattern: '/console/handoffs/:id/notes',
    access: 'officer',
    body: 'form',
    bad: { text: '' },
  },
  {
    method: 'POST',
    pattern: '/console/handoffs/:id/transfer',
    access: 'officer',
    body: 'form',
    bad: { target: 'nowhere', note: 'x' },
  },
  { method: 'POST', pattern: '/console/handoffs/:id/hand-back', access: 'officer', body: 'form' },
  {
    method: 'POST',
    pattern: '/console/availability',
    access: 'officer',
    body: 'form',
    bad: { available: 'mungkin' },
  },
  // The live conversation (console/live-routes.tsx)
  { method: 'GET', pattern: '/console/handoffs/:id/stream', access: 'officer', body: 'none', stream: true },
  { method: 'POST', pattern: '/console/handoffs/:id/lines/:index/retry', access: 'officer', body: 'form' },
  { method: 'POST', pattern: '/console/handoffs/:id/typing', access: 'officer', body: 'form' },
  // The conversation page's draft documents and the supervisors' canned replies (issue 19).
  { method: 'GET', pattern: '/console/handoffs/:id/documents/:docId', access: 'officer', body: 'none' },
  { method: 'GET', pattern: '/console/canned-replies', access: 'supervisor', body: 'none' },
  // Any text is a reply, so garbage may add one: its 400 is in canned-replies.db.test.ts.
  { method: 'POST', pattern: '/console/canned-replies', access: 'supervisor', body: 'form' },
  {
    method: 'POST',
    pattern: '/console/canned-replies/:id',
    access: 'supervisor',
    body: 'form',
    bad: { text: '' },
  },
  { method: 'POST', pattern: '/console/canned-replies/:id/delete', access: 'supervisor', body: 'form' },
  // Files in a conversation (handoff-file-routes.tsx)
  { method: 'GET', pattern: '/console/handoffs/:id/files/:docId', access: 'officer', body: 'none' },
  {
    method: 'POST',
    pattern: '/console/handoffs/:id/files',
    access: 'officer',
    body: 'multipart',
    bad: { caption: 'x'.repeat(1001) },
  },
  {
    method: 'POST',
    pattern: '/console/handoffs/:id/files/:docId/attach',
    access: 'officer',
    body: 'form',
    bad: { target: 'bukan-permohonan' },
  },
  { method: 'GET', pattern: '/console/dashboard', access: 'supervisor', body: 'none' },
  { method: 'GET', pattern: '/console/audit', access: 'supervisor', body: 'none' },
  { method: 'GET', pattern: '/console/deliveries', access: 'supervisor', body: 'none' },
  // Messages parked after failing with the database healthy (dead-letters-page.tsx).
  { method: 'GET', pattern: '/console/dead-letters', access: 'supervisor', body: 'none' },
  // Citizens' deletion requests (data-requests-page.tsx): supervisors and admins decide them.
  { method: 'GET', pattern: '/console/data-requests', access: 'supervisor', body: 'none' },
  { method: 'POST', pattern: '/console/data-requests/:id/approve', access: 'supervisor', body: 'form' },
  {
    method: 'POST',
    pattern: '/console/data-requests/:id/refuse',
    access: 'supervisor',
    body: 'form',
    bad: { reason: '  ' },
  },
  { method: 'GET', pattern: '/console/admin', access: 'admin', body: 'none' },
  { method: 'GET', pattern: '/console/admin/officers', access: 'admin', body: 'none' },
  {
    method: 'POST',
    pattern: '/console/admin/officers',
    access: 'admin',
    body: 'form',
    bad: { username: 'a', password: 'x', role: 'raja' },
  },
  {
    method: 'POST',
    pattern: '/console/admin/officers/:id/active',
    access: 'admin',
    body: 'form',
    bad: { active: 'mungkin' },
  },
  {
    method: 'POST',
    pattern: '/console/admin/officers/:id/password',
    access: 'admin',
    body: 'form',
    bad: { password: 'pendek' },
  },
  { method: 'GET', pattern: '/console/admin/officers/:id/tokens', access: 'admin', body: 'none' },
  { method: 'POST', pattern: '/console/admin/officers/:id/tokens', access: 'admin', body: 'form' },
  { method: 'POST', pattern: '/console/admin/officers/:id/tokens/revoke', access: 'admin', body: 'form' },
  { method: 'GET', pattern: '/console/admin/offices', access: 'admin', body: 'none' },
  // The agencies (agencies-page.tsx): admins list, add, edit and (de)activate them.
  { method: 'GET', pattern: '/console/admin/agencies', access: 'admin', body: 'none' },
  {
    method: 'POST',
    pattern: '/console/admin/agencies',
    access: 'admin',
    body: 'form',
    bad: { id: 'Dinas PU!', name: '', shortName: 'X' },
  },
  { method: 'GET', pattern: '/console/admin/agencies/:id', access: 'admin', body: 'none' },
  {
    method: 'POST',
    pattern: '/console/admin/agencies/:id',
    access: 'admin',
    body: 'form',
    bad: { name: '', shortName: '' },
  },
  {
    method: 'POST',
    pattern: '/console/admin/agencies/:id/active',
    access: 'admin',
    body: 'form',
    bad: { active: 'mungkin' },
    valid: (b) => ['true', 'false'].includes(String(b.active)),
  },
  // Each officer's own API tokens (console/token-routes.tsx); revoking one is the owner's or an admin's.
  { method: 'GET', pattern: '/console/tokens', access: 'officer', body: 'none' },
  { method: 'POST', pattern: '/console/tokens/:id/revoke', access: 'officer', body: 'form' },
  // An office's page (office-edit-page.tsx): supervisors read it, admins edit it.
  { method: 'GET', pattern: '/console/offices/:id', access: 'supervisor', body: 'none' },
  {
    method: 'POST',
    pattern: '/console/offices/:id',
    access: 'admin',
    body: 'form',
    bad: { name: '', 'hours.mon.periods.0.open': '25:00', 'hours.mon.periods.0.close': '12:00' },
  },
  {
    method: 'POST',
    pattern: '/console/offices/:id/holidays',
    access: 'admin',
    body: 'form',
    bad: { date: 'besok', name: 'x' },
  },
  { method: 'POST', pattern: '/console/offices/:id/holidays/:date/delete', access: 'admin', body: 'form' },
  // Holidays of every office (holidays-page.tsx): supervisors read, admins add and remove.
  { method: 'GET', pattern: '/console/holidays', access: 'supervisor', body: 'none' },
  {
    method: 'POST',
    pattern: '/console/holidays',
    access: 'admin',
    body: 'form',
    bad: { date: '2027-02-30', name: '' },
  },
  { method: 'POST', pattern: '/console/holidays/:date/delete', access: 'admin', body: 'form' },
  { method: 'GET', pattern: '/console/whatsapp', access: 'admin', body: 'none' },
  { method: 'GET', pattern: '/console/whatsapp/status.json', access: 'admin', body: 'none' },
  {
    method: 'POST',
    pattern: '/console/whatsapp/pairing-code',
    access: 'admin',
    body: 'form',
    bad: { phone: 'nomor saya' },
  },
  { method: 'POST', pattern: '/console/whatsapp/restart', access: 'admin', body: 'form' },
  { method: 'POST', pattern: '/console/whatsapp/unpair', access: 'admin', body: 'form', bad: {} },
  { method: 'GET', pattern: '/console/intake/assets/:file', access: 'public', body: 'none' },
  { method: 'GET', pattern: '/console/intake/', access: 'officer', body: 'none' },
  { method: 'GET', pattern: '/console/intake/slip/:id', access: 'officer', body: 'none' },
  { method: 'GET', pattern: '/console/intake/:service', access: 'officer', body: 'none' },
  {
    method: 'POST',
    pattern: '/console/intake/:service',
    access: 'officer',
    body: 'multipart',
    bad: { nama: '', nik: '1234' },
  },
];

/** Where each router factory or route module is mounted (src/adapters/http/server.ts, console-router.ts). */
const MOUNTS: Record<string, string> = {
  createApiRouter: '/api',
  createDashboardApiRouter: '/api',
  createAdminApiRouter: '/api',
  createIntakeApiRouter: '/api',
  createConsoleRouter: '/console',
  registerAssetRoutes: '/console',
  registerLoginRoutes: '/console',
  registerLogoutRoute: '/console',
  registerQueueRoutes: '/console',
  registerApplicationRoutes: '/console',
  registerHandoffRoutes: '/console',
  registerHandoffFileRoutes: '/console',
  createDashboardConsoleRouter: '/console',
  createAdminConsoleRouter: '/console',
  createWhatsAppAdminRouter: '/console',
  whatsAppSessionRoute: '/console',
  whatsAppActionsRoute: '/console',
  dashboardPage: '/console',
  auditPage: '/console',
  deliveriesPage: '/console',
  deadLettersPage: '/console',
  dataRequestsPage: '/console',
  officersPage: '/console',
  officerTokensPage: '/console',
  officesPage: '/console',
  officeEditPage: '/console',
  holidaysPage: '/console',
  agenciesPage: '/console',
  createIntakeRouter: '/console/intake',
  intakeServicesRoute: '/console/intake',
  intakeSlipRoute: '/console/intake',
  intakeFormRoute: '/console/intake',
  createHttpApp: '',
};

/** The HTTP adapter's source files, route modules in sub-folders included. */
function httpSources(): Array<{ file: string; src: string }> {
  const dir = new URL('../../../src/adapters/http/', import.meta.url);
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f))
    .map((file) => ({ file, src: readFileSync(new URL(file, dir), 'utf8') }));
}

/** Each exported function of a source, with where it starts. */
function factoriesIn(src: string): Array<{ name: string; at: number }> {
  return [...src.matchAll(/export function (\w+)\(/g)].map((m) => ({ name: m[1]!, at: m.index }));
}

/**
 * The mount prefix of every function that registers routes: the factories above, and route
 * modules (`fooRoutes(router, deps)`) called from inside one, which share its prefix.
 */
function mounts(sources: Array<{ src: string }>): Record<string, string> {
  const known: Record<string, string> = { ...MOUNTS };
  for (let changed = true; changed;) {
    changed = false;
    for (const { src } of sources) {
      const fs = factoriesIn(src);
      fs.forEach((f, i) => {
        const prefix = known[f.name];
        if (prefix === undefined) return;
        const body = src.slice(f.at, fs[i + 1]?.at ?? src.length);
        for (const call of body.matchAll(/\b(\w+)\(\s*router\b/g)) {
          if (known[call[1]!] === undefined) {
            known[call[1]!] = prefix;
            changed = true;
          }
        }
      });
    }
  }
  return known;
}

/** Every `router.get('/x'` / `app.post('/y'` in the HTTP adapter, with its mount prefix. */
function routesInSource(): string[] {
  const sources = httpSources();
  const prefixes = mounts(sources);
  const found: string[] = [];
  for (const { file, src } of sources) {
    const factories = factoriesIn(src);
    for (const m of src.matchAll(/\b(?:router|app)\.(get|post|put|patch|delete)\(\s*'([^']+)'/g)) {
      const owner = factories.filter((f) => f.at < m.index).pop();
      const prefix = owner ? prefixes[owner.name] : undefined;
      if (prefix === undefined) throw new Error(`route ${m[2]} in ${file}: unknown mount for ${owner?.name}`);
      found.push(`${m[1]!.toUpperCase()} ${prefix}${m[2] === '/' && prefix ? '/' : m[2]}`);
    }
  }
  return found.sort();
}

class FakeSession implements WhatsAppSession {
  calls: string[] = [];
  status(): WhatsAppStatus {
    return { state: 'open', since: new Date(), reconnects: 0, badMacCount: 0, leaseOurs: true };
  }
  requestPairingCode(phone: string): Promise<string> {
    this.calls.push(`code:${phone}`);
    if (!/^\d{8,}$/.test(phone)) {
      const err = new Error('Nomor HP tidak valid. Tulis dengan kode negara, misalnya 6281234567890.');
      err.name = 'WhatsAppSessionError';
      return Promise.reject(err);
    }
    return Promise.resolve('ABCD1234');
  }
  restart(): Promise<void> {
    this.calls.push('restart');
    return Promise.resolve();
  }
  unpair(): Promise<void> {
    this.calls.push('unpair');
    return Promise.resolve();
  }
}

const session = new FakeSession();
const intake = await intakeSettings();
const app = useHttpApp('route_matrix', { whatsapp: session, intake, loginRateLimit: 100_000 });
const ids: Record<string, string> = {};

beforeAll(async () => {
  const { repos, officerIds } = app();
  const application = await repos.applications.create(
    newApplication({ status: 'IN_REVIEW' }),
    sequentialNumbers(700),
  );
  const { ticket } = await repos.handoffs.open({
    channel: 'telegram',
    chatId: '5550001',
    citizenName: 'Ibu Sri',
    reason: 'asked',
    priority: false,
    officeId: '31.71.01.1001',
    createdAt: new Date(),
  });
  const dinas = await createOfficer(
    { ...repos, now: () => new Date() },
    {
      username: 'dinas',
      displayName: 'Dinas Cipta Karya',
      password: PASSWORD,
      role: 'agency',
      officeId: '31',
      agencyId: 'dinas_pupr',
    },
    { kind: 'system', id: 'test' },
  );
  app().tokens.dinas = await issueApiToken({ ...repos, now: () => new Date() }, dinas);
  await repos.agencyStore.create({ id: 'dinas_pupr', name: 'Dinas Cipta Karya', shortName: 'Cipta Karya' });
  Object.assign(ids, {
    id: application.id,
    docId: application.documents[0]!.id,
    handoff: ticket.id,
    officer: officerIds.joko!,
    file: 'console.css',
    service: 'ktp',
  });
});

/** The pattern with real ids in it, so a request reaches the handler rather than a 404. */
function pathOf(r: Route): string {
  const handoff = r.pattern.includes('/handoffs/');
  const officer = r.pattern.includes('/officers/');
  if (r.pattern.startsWith('/console/admin/agencies/')) return r.pattern.replace(':id', 'dinas_pupr');
  if (r.pattern.startsWith('/console/offices/') || r.pattern.startsWith('/console/holidays/'))
    return r.pattern.replace(':id', '31.71.01.1001').replace(':date', '2027-08-18');
  const assets = r.pattern.includes('/intake/assets/') ? 'intake.css' : ids.file!;
  return r.pattern
    .replace(':id', handoff ? ids.handoff! : officer ? ids.officer! : ids.id!)
    .replace(':docId', ids.docId!)
    .replace(':file', assets)
    .replace(':service', ids.service!)
    .replace(':index', '0');
}

const USER: Record<Access, string> = {
  public: 'budi',
  officer: 'budi',
  supervisor: 'sari',
  admin: 'admin',
  agency: 'dinas',
};
const BELOW: Record<Access, string | undefined> = {
  public: undefined,
  officer: undefined,
  supervisor: 'budi',
  admin: 'sari',
  agency: 'budi',
};
/** What an agency account may call besides its own routes (api-router.ts AGENCY_API). */
const AGENCY_ALSO = new Set([
  'GET /api/openapi.json',
  'GET /api/csrf-token',
  'GET /api/me',
  'GET /api/agencies',
  'POST /api/applications/:id/agency-answer',
  'POST /console/logout',
  'GET /console/queue',
]);
const isApi = (r: Route) => r.pattern.startsWith('/api/');
const isConsole = (r: Route) => r.pattern.startsWith('/console/');

/** Sends `fields` the way the route reads them: JSON, a url-encoded form, or multipart. */
async function send(
  c: Client,
  r: Route,
  fields: Record<string, unknown>,
  opts: { csrf?: boolean } = {},
): Promise<Response> {
  const withCsrf = opts.csrf ?? true;
  if (r.method === 'GET') return c.fetch(pathOf(r));
  if (r.body === 'json') return c.json('POST', pathOf(r), fields, withCsrf);
  if (r.body === 'multipart') {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) fd.append(k, asField(v));
    if (withCsrf) fd.append('_csrf', c.csrf);
    return c.fetch(pathOf(r), { method: 'POST', body: fd });
  }
  return c.form(
    pathOf(r),
    Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, asField(v)])),
    withCsrf,
  );
}

/**
 * A generated value as a form field's text. `String` throws for some generated objects (one
 * whose `toString` is not a function, as `{"toString": null}`); those go as their JSON.
 */
function asField(v: unknown): string {
  try {
    return String(v);
  } catch {
    return JSON.stringify(v) ?? '';
  }
}

async function loggedIn(f: HttpFixture, user: string): Promise<Client> {
  const c = new Client(f.base);
  expect((await c.login(user)).status).toBe(303);
  return c;
}

/** A digest of every collection but the sessions: equal digests, nothing changed. */
async function fingerprint(f: HttpFixture): Promise<string> {
  const db = f.conn.db!;
  const hash = createHash('sha256');
  const names = (await db.listCollections().toArray()).map((c) => c.name).sort();
  for (const name of names.filter((n) => n !== 'sessions' && !n.startsWith('system.'))) {
    const docs = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
    hash.update(`${name}:${JSON.stringify(docs)}`);
  }
  return hash.digest('hex');
}

const rows = ROUTES.map((r) => [`${r.method} ${r.pattern}`, r] as const);

describe('the route table', () => {
  it('should list every route the HTTP adapter defines, and nothing else', () => {
    const table = ROUTES.map((r) => `${r.method} ${r.pattern}`).sort();
    expect(table).toEqual(routesInSource());
  });
});

describe('anonymous requests', () => {
  it.each(rows)('%s', async (_name, r) => {
    const res = await send(new Client(app().base), r, {}, { csrf: false });
    if (r.access === 'public') {
      expect(res.status).not.toBe(401);
      expect(res.status).toBeLessThan(500);
    } else if (isApi(r)) {
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
    } else if (r.method === 'GET' && !r.stream) {
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/console/login');
    } else {
      expect(res.status).toBe(401);
      expect(await res.text()).toContain('Silakan masuk');
    }
  });

  it('should refuse a forged or revoked bearer token on every API route', async () => {
    const { base } = app();
    for (const r of ROUTES.filter(isApi)) {
      const res = await api(
        base,
        'loket_bukan-token-sungguhan',
        r.method,
        pathOf(r),
        r.body === 'none' ? undefined : {},
      );
      expect([r.pattern, res.status]).toEqual([r.pattern, 401]);
    }
  });
});

describe('a role below the one a route needs', () => {
  const restricted = rows.filter(([, r]) => BELOW[r.access]);
  it.each(restricted)('%s, by session', async (_name, r) => {
    const c = await loggedIn(app(), BELOW[r.access]!);
    const before = await fingerprint(app());
    const res = await send(c, r, r.bad ?? {});
    expect(res.status).toBe(403);
    expect(await fingerprint(app())).toBe(before);
  });
  it.each(restricted.filter(([, r]) => isApi(r)))('%s, by API token', async (_name, r) => {
    const f = app();
    const res = await api(
      f.base,
      f.tokens[BELOW[r.access]!],
      r.method,
      pathOf(r),
      r.body === 'none' ? undefined : {},
    );
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'forbidden' } });
  });
});

describe('an agency account', () => {
  // Everything not its own: even an office-wide route answers 403, and nothing changes.
  const elsewhere = rows.filter(
    ([name, r]) => r.access !== 'public' && r.access !== 'agency' && !AGENCY_ALSO.has(name) && !r.stream,
  );
  it.each(elsewhere.filter(([, r]) => isApi(r)))('%s, by API token', async (_name, r) => {
    const f = app();
    const res = await api(f.base, f.tokens.dinas, r.method, pathOf(r), r.body === 'none' ? undefined : {});
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'forbidden' } });
  });
  it.each(elsewhere.filter(([, r]) => isConsole(r)))('%s, by session', async (_name, r) => {
    const c = await loggedIn(app(), 'dinas');
    const before = await fingerprint(app());
    const res = await send(c, r, r.bad ?? {});
    expect(res.status).toBe(403);
    expect(await fingerprint(app())).toBe(before);
  });
});

describe('a state change with a session but no CSRF token', () => {
  const posts = rows.filter(([, r]) => r.method === 'POST' && r.access !== 'public');
  it.each(posts)('%s', async (_name, r) => {
    const c = await loggedIn(app(), USER[r.access]);
    const before = await fingerprint(app());
    const res = await send(c, r, r.bad ?? {}, { csrf: false });
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/CSRF/);
    expect(await fingerprint(app())).toBe(before);
  });

  it('POST /console/login without its token is refused too', async () => {
    const c = new Client(app().base);
    await c.page('/console/login');
    expect(
      (await c.form('/console/login', { username: 'budi', password: 'kata-sandi-uji-123' }, false)).status,
    ).toBe(403);
  });
});

describe('bad input from a caller allowed to call the route', () => {
  const withBad = rows.filter(([, r]) => r.bad);
  it.each(withBad)('%s', async (_name, r) => {
    const c = await loggedIn(app(), USER[r.access]);
    if (isConsole(r))
      await c.page(
        r.pattern.startsWith('/console/intake')
          ? pathOf({ ...r, method: 'GET' })
          : r.access === 'agency'
            ? '/console/agency'
            : '/console/queue',
      );
    const before = await fingerprint(app());
    const res = await send(c, r, r.bad!);
    expect(res.status).toBe(400);
    if (isApi(r)) {
      const body = (await res.json()) as { error: { code: string; message: string; fields?: object } };
      expect(body.error.code).toBe('invalid');
      expect(Object.keys(body.error.fields ?? {}).length).toBeGreaterThan(0);
    } else {
      expect(await res.text()).toMatch(/lang="id"/);
    }
    expect(await fingerprint(app())).toBe(before);
  });
});

/** Bodies no route should choke on: wrong types, operator injection, odd text, deep nesting. */
const garbage = fc.dictionary(
  fc.oneof(
    fc.constantFrom(
      'to',
      'text',
      'note',
      'password',
      'username',
      'active',
      'phone',
      'serviceId',
      '$where',
      '__proto__',
      'constructor',
      '_csrf',
    ),
    fc.string(),
  ),
  fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.constant({ $gt: '' }),
    fc.constant({ $ne: null }),
    fc.constant(['SUBMITTED', 'APPROVED']),
    // At most 7 digits: an 8-digit number, sent as a form field, is a valid phone for a pairing code.
    fc.integer({ min: -9_999_999, max: 9_999_999 }),
    fc.boolean(),
    fc.constant(null),
    fc.constant('\u0000\u202e<script>alert(1)</script>'),
    fc.jsonValue({ maxDepth: 3 }),
  ),
  { maxKeys: 6 },
);

describe('garbage from a caller allowed to call the route (fast-check)', () => {
  const reading = rows.filter(([, r]) => r.method === 'POST' && r.bad);
  it.each(reading)('%s answers 4xx and changes nothing', async (_name, r) => {
    const c = await loggedIn(app(), USER[r.access]);
    if (isConsole(r)) await c.page(r.access === 'agency' ? '/console/agency' : '/console/queue');
    const before = await fingerprint(app());
    await fc.assert(
      fc.asyncProperty(garbage, async (body) => {
        fc.pre(!r.valid?.(body));
        const res = await send(c, r, body);
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 15 },
    );
    expect(await fingerprint(app())).toBe(before);
  });

  // Routes that take no input (claim, close, logout...) may act, but garbage never breaks them.
  const ignoring = rows.filter(([, r]) => r.method === 'POST' && !r.bad && r.access !== 'public');
  it.each(ignoring)('%s ignores a garbage body without a server error', async (_name, r) => {
    const c = await loggedIn(app(), USER[r.access]);
    if (isConsole(r)) await c.page(r.access === 'agency' ? '/console/agency' : '/console/queue');
    await fc.assert(
      fc.asyncProperty(garbage, async (body) => {
        const res = await send(c, r, body);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 5 },
    );
  });

  it('should answer 400 to malformed JSON and 413 to a body over the limit, on the API and the console', async () => {
    const c = await loggedIn(app(), 'budi');
    await c.page('/console/queue');
    const before = await fingerprint(app());
    const path = `/api/handoffs/${ids.handoff}/reply`;
    const malformed = await c.fetch(path, {
      method: 'POST',
      body: '{"text": "halo',
      headers: { 'content-type': 'application/json', 'x-csrf-token': c.csrf },
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: 'invalid' } });
    const huge = 'x'.repeat(2 * 1024 * 1024);
    const apiHuge = await c.json('POST', path, { text: huge });
    expect(apiHuge.status).toBe(413);
    expect(await apiHuge.json()).toMatchObject({ error: { code: 'too_large' } });
    const formHuge = await c.form(`/console/handoffs/${ids.handoff}/reply`, { text: huge });
    expect(formHuge.status).toBe(413);
    expect(await formHuge.text()).toMatch(/terlalu besar/i);
    expect(await fingerprint(app())).toBe(before);
  });

  it('should treat operator-looking query strings as plain text', async () => {
    const c = await loggedIn(app(), 'sari');
    for (const q of [
      '/api/applications?status[$ne]=x',
      '/api/applications?q[$regex]=.*',
      '/api/applications?limit=-5',
      '/api/applications?limit=1e9',
      '/api/audit?actor[$gt]=',
      '/console/applications?status[$ne]=x',
      '/console/audit?q=%00%00',
      '/api/offices?limit[$gt]=1',
    ]) {
      const res = await c.fetch(q);
      expect([q, res.status < 500]).toEqual([q, true]);
    }
  });
});
