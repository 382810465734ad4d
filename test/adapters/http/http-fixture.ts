import type { Server } from 'node:http';
import { afterAll, beforeAll } from '@jest/globals';
import { createHttpApp } from '../../../src/adapters/http/server.js';
import type { OfficerHttpDeps } from '../../../src/adapters/http/officer-http-deps.js';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { createSessionStore } from '../../../src/adapters/mongo/session-store.js';
import { issueApiToken } from '../../../src/app/officer/api-tokens.js';
import { createOfficer } from '../../../src/app/officer/create-officer.js';
import { createLogger } from '../../../src/config/logger.js';
import type { OfficerRole } from '../../../src/ports/officer-repository.js';
import type { ChatAddress } from '../../../src/domain/application.js';
import { DEFAULT_HOURS } from '../../../src/domain/office.js';
import type { SystemEvent } from '../../../src/dialogue/types.js';
import { useTestDatabase } from '../../support/db.js';
import type { DbConnection } from '../../../src/adapters/mongo/connection.js';
import { testCipher } from '../../support/cipher.js';

/** The password every test officer gets. */
export const PASSWORD = 'kata-sandi-uji-123';

/** A running console + API on a fresh database, with officers of each role and a push recorder. */
export interface HttpFixture {
  base: string;
  repos: MongoRepositories;
  deps: OfficerHttpDeps;
  pushed: Array<{ address: ChatAddress; event: SystemEvent }>;
  /** API tokens by username. */
  tokens: Record<string, string>;
  officerIds: Record<string, string>;
  /** The test database itself, for checks below the repositories. */
  conn: DbConnection;
}

const OFFICERS: Array<[string, OfficerRole, string]> = [
  ['budi', 'officer', '31.71.01.1001'],
  ['sari', 'supervisor', '31.71.01'],
  ['admin', 'admin', '31.71'],
  ['joko', 'officer', '32.73.01.1001'],
];

/** Starts the app for one test file; stops it afterwards. `app.trustProxy`: as TRUST_PROXY=true. */
export function useHttpApp(
  label: string,
  overrides: Partial<OfficerHttpDeps> = {},
  app: { trustProxy?: boolean } = {},
): () => HttpFixture {
  const db = useTestDatabase(label);
  let server: Server | undefined;
  let fixture: HttpFixture | undefined;
  beforeAll(async () => {
    const repos = createMongoRepositories(db.conn(), testCipher);
    await repos.ensureIndexes();
    await repos.offices.upsertMany([
      { id: '31.71', name: 'Jakarta Pusat', level: 'kota', parentId: '31', hours: DEFAULT_HOURS },
      { id: '31.71.01', name: 'Gambir', level: 'kecamatan', parentId: '31.71', hours: DEFAULT_HOURS },
      { id: '31.71.01.1001', name: 'Gambir', level: 'kelurahan', parentId: '31.71.01', hours: DEFAULT_HOURS },
      { id: '31.71.01.1002', name: 'Cideng', level: 'kelurahan', parentId: '31.71.01', hours: DEFAULT_HOURS },
    ]);
    const pushed: HttpFixture['pushed'] = [];
    const deps: OfficerHttpDeps = {
      ...repos,
      logger: createLogger('silent'),
      push: (address, event) => {
        pushed.push({ address, event });
        return Promise.resolve();
      },
      sessionStore: createSessionStore(db.conn(), { ttlSeconds: 3600 }),
      sessionSecret: 's'.repeat(40),
      csrfSecret: 'c'.repeat(40),
      sessionTtlMs: 3_600_000,
      secureCookies: false,
      loginRateLimit: 50,
      queuePollMs: 200,
      cannedReplies: ['Baik, mohon ditunggu sebentar.', 'Terima kasih, permohonan Anda kami proses.'],
      now: () => new Date(),
      ...overrides,
    };
    const tokens: Record<string, string> = {};
    const officerIds: Record<string, string> = {};
    for (const [username, role, officeId] of OFFICERS) {
      const o = await createOfficer(
        { ...repos, now: () => new Date() },
        { username, displayName: username.toUpperCase(), password: PASSWORD, role, officeId },
        { kind: 'system', id: 'test' },
      );
      officerIds[username] = o.id;
      tokens[username] = await issueApiToken({ ...repos, now: () => new Date() }, o);
    }
    const express = createHttpApp({
      logger: deps.logger,
      isReady: () => Promise.resolve(true),
      trustProxy: app.trustProxy ?? false,
      version: 'test',
      officer: deps,
    });
    const s = express.listen(0, '127.0.0.1');
    server = s;
    await new Promise<void>((resolve) => s.once('listening', () => resolve()));
    const address = s.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    fixture = { base: `http://127.0.0.1:${port}`, repos, deps, pushed, tokens, officerIds, conn: db.conn() };
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });
  return () => {
    if (!fixture) throw new Error('app not started yet');
    return fixture;
  };
}

/** A browser-like client: keeps cookies, reads the CSRF token from pages. */
export class Client {
  private readonly cookies = new Map<string, string>();
  csrf = '';
  constructor(private readonly base: string) {}

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(`${this.base}${path}`, { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (pair && eq > 0) this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return res;
  }

  /** GETs a console page and remembers its CSRF token. */
  async page(path: string): Promise<{ res: Response; html: string }> {
    const res = await this.fetch(path);
    const html = await res.text();
    const m = /<meta name="csrf-token" content="([^"]+)"/.exec(html);
    if (m?.[1]) this.csrf = m[1];
    return { res, html };
  }

  /** Posts a form the way the console does. */
  async form(path: string, fields: Record<string, string>, withCsrf = true): Promise<Response> {
    const body = new URLSearchParams({ ...fields, ...(withCsrf ? { _csrf: this.csrf } : {}) });
    return this.fetch(path, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  /** Posts a form the way live.js does on the conversation page: in the background, asking for JSON. */
  async liveForm(path: string, fields: Record<string, string>, withCsrf = true): Promise<Response> {
    const body = new URLSearchParams({ ...fields, ...(withCsrf ? { _csrf: this.csrf } : {}) });
    return this.fetch(path, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-loket-live': '1' },
    });
  }

  /** Logs in through the console form. */
  async login(username: string, password = PASSWORD): Promise<Response> {
    await this.page('/console/login');
    const res = await this.form('/console/login', { username, password });
    if (res.status === 303) await this.page('/console/queue');
    return res;
  }

  /** A JSON request with the session and (unless told not to) its CSRF token. */
  async json(method: string, path: string, body?: unknown, withCsrf = true): Promise<Response> {
    return this.fetch(path, {
      method,
      headers: { 'content-type': 'application/json', ...(withCsrf ? { 'x-csrf-token': this.csrf } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }
}

/** A bearer-token JSON request. */
export async function api(
  base: string,
  token: string | undefined,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  return fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
