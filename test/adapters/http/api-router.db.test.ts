import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Application } from '../../../src/domain/application.js';
import { newApplication, sequentialNumbers } from '../mongo/fixtures.js';
import { api, Client, useHttpApp } from './http-fixture.js';

const app = useHttpApp('http_api');
const numbers = sequentialNumbers(500);
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000200a2f5a1d20000000049454e44ae426082',
  'hex',
);

let gambir: Application;
let cideng: Application;
let docId: string;

beforeAll(async () => {
  const { repos } = app();
  const put = await repos.documents.put({
    bytes: PNG,
    filename: 'ktp.png',
    owner: { channel: 'telegram', chatId: '5550001' },
    maxBytes: 1e6,
    allowedTypes: ['image/png'],
  });
  if (!put.ok) throw new Error('document not stored');
  docId = put.file.documentId;
  const base = newApplication();
  gambir = await repos.applications.create(
    newApplication({
      status: 'IN_REVIEW',
      documents: [
        {
          ...base.documents[0]!,
          id: docId,
          stepId: 'foto_ktp',
          filename: 'ktp.png',
          contentType: 'image/png',
        },
      ],
    }),
    numbers,
  );
  cideng = await repos.applications.create(
    newApplication({
      officeId: '31.71.01.1002',
      serviceId: 'sktm',
      applicant: { ...base.applicant, name: 'Joko Widodo' },
    }),
    numbers,
  );
});

const ROUTES: Array<[string, string]> = [
  ['GET', '/api/openapi.json'],
  ['GET', '/api/applications'],
  ['GET', '/api/applications/65f000000000000000000001'],
  ['POST', '/api/applications/65f000000000000000000001/status'],
  ['GET', '/api/applications/65f000000000000000000001/documents/65f000000000000000000001'],
  ['GET', '/api/handoffs'],
  ['GET', '/api/handoffs/65f000000000000000000001'],
  ['POST', '/api/handoffs/65f000000000000000000001/claim'],
  ['POST', '/api/handoffs/65f000000000000000000001/reply'],
  ['POST', '/api/handoffs/65f000000000000000000001/release'],
  ['POST', '/api/handoffs/65f000000000000000000001/close'],
  ['POST', '/api/handoffs/65f000000000000000000001/notes'],
  ['POST', '/api/handoffs/65f000000000000000000001/transfer'],
  ['POST', '/api/handoffs/65f000000000000000000001/hand-back'],
  ['GET', '/api/officers'],
  ['POST', '/api/officers'],
  ['POST', '/api/me/tokens'],
  ['GET', '/api/csrf-token'],
];

describe('API router', () => {
  describe('authentication', () => {
    it.each(ROUTES)(
      'should answer 401 in the one error shape to %s %s without a session or token',
      async (method, path) => {
        const res = await api(app().base, undefined, method, path, method === 'POST' ? {} : undefined);
        expect(res.status).toBe(401);
        expect(await res.json()).toEqual({
          error: { code: 'unauthorized', message: expect.stringMatching(/masuk/) },
        });
      },
    );

    it('should refuse an unknown bearer token', async () => {
      expect((await api(app().base, 'lkt_nope', 'GET', '/api/applications')).status).toBe(401);
    });

    it('should refuse a session request without a CSRF token with 403, and accept it with one', async () => {
      const c = new Client(app().base);
      expect((await c.login('budi')).status).toBe(303);
      const target = await app().repos.handoffs.open({
        channel: 'telegram',
        chatId: 'csrf1',
        reason: 'asked',
        priority: false,
        officeId: '31.71.01.1001',
        createdAt: new Date(),
      });
      const refused = await c.json('POST', `/api/handoffs/${target.ticket.id}/claim`, {}, false);
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('csrf');
      const token = (await (await c.json('GET', '/api/csrf-token')).json()) as { token: string };
      c.csrf = token.token;
      expect((await c.json('POST', `/api/handoffs/${target.ticket.id}/claim`, {})).status).toBe(200);
    });
  });

  describe('GET /api/applications', () => {
    it('should list only the officer office subtree, with the NIK masked', async () => {
      const res = await api(app().base, app().tokens.budi, 'GET', '/api/applications');
      const body = (await res.json()) as { items: Array<{ id: string; nikMasked: string }>; total: number };
      expect(body.items.map((i) => i.id)).toEqual([gambir.id]);
      expect(body.items[0]?.nikMasked).toBe('************0003');
      expect(JSON.stringify(body)).not.toContain('3171014708900003');
      const kecamatan = (await (
        await api(app().base, app().tokens.sari, 'GET', '/api/applications')
      ).json()) as { total: number };
      expect(kecamatan.total).toBe(2);
      const other = (await (await api(app().base, app().tokens.joko, 'GET', '/api/applications')).json()) as {
        total: number;
      };
      expect(other.total).toBe(0);
    });

    it('should filter by service, status, office, search and overdue', async () => {
      const get = async (q: string) =>
        (
          (await (await api(app().base, app().tokens.sari, 'GET', `/api/applications?${q}`)).json()) as {
            items: Array<{ id: string }>;
          }
        ).items.map((i) => i.id);
      expect(await get('service=sktm')).toEqual([cideng.id]);
      expect(await get('status=IN_REVIEW')).toEqual([gambir.id]);
      expect(await get('office=31.71.01.1002')).toEqual([cideng.id]);
      expect(await get('q=joko')).toEqual([cideng.id]);
      expect(await get(`q=${gambir.trackingNumber}`)).toEqual([gambir.id]);
      expect((await get('overdue=true')).sort()).toEqual([gambir.id, cideng.id].sort());
      expect(await get('from=2030-01-01')).toEqual([]);
    });

    it('should answer 400 with field errors for bad filters', async () => {
      const res = await api(
        app().base,
        app().tokens.budi,
        'GET',
        '/api/applications?status=DONE&limit=0&from=kemarin',
      );
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; fields: Record<string, string> } };
      expect(body.error.code).toBe('invalid');
      expect(Object.keys(body.error.fields).sort()).toEqual(['from', 'limit', 'status']);
    });
  });

  describe('GET /api/applications/:id', () => {
    it('should show an application in scope with its history, and 403/404 otherwise', async () => {
      const res = await api(app().base, app().tokens.budi, 'GET', `/api/applications/${gambir.id}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        application: { trackingNumber: gambir.trackingNumber },
        history: [],
      });
      expect((await api(app().base, app().tokens.joko, 'GET', `/api/applications/${gambir.id}`)).status).toBe(
        403,
      );
      expect((await api(app().base, app().tokens.budi, 'GET', '/api/applications/nope')).status).toBe(404);
    });
  });

  describe('POST /api/applications/:id/status', () => {
    it('should change the status, audit it and write the outbox row', async () => {
      const a = await app().repos.applications.create(newApplication(), numbers);
      const res = await api(app().base, app().tokens.budi, 'POST', `/api/applications/${a.id}/status`, {
        to: 'IN_REVIEW',
        note: 'Dicek',
        version: 1,
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ application: { status: 'IN_REVIEW', version: 2 } });
      const created = await app().repos.outbox.enqueue([
        {
          key: `status:${a.id}:2`,
          channel: 'telegram',
          chatId: 'x',
          reply: { kind: 'text', text: 'x' },
          createdAt: new Date(),
        },
      ]);
      expect(created).toBe(0);
      expect((await app().repos.outbox.get(`status:${a.id}:2`))?.reply?.text).toContain(
        'Catatan petugas: Dicek',
      );
    });

    it('should answer 400 with field errors, 409 for a forbidden transition or stale version', async () => {
      const bad = await api(app().base, app().tokens.budi, 'POST', `/api/applications/${gambir.id}/status`, {
        to: 'DONE',
        revision: { stepId: '' },
      });
      expect(bad.status).toBe(400);
      const fields = ((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields;
      expect(Object.keys(fields).sort()).toEqual(['revision.note', 'revision.stepId', 'to']);
      const missing = await api(
        app().base,
        app().tokens.budi,
        'POST',
        `/api/applications/${gambir.id}/status`,
        { to: 'REJECTED' },
      );
      expect(missing.status).toBe(400);
      expect(
        ((await missing.json()) as { error: { fields: Record<string, string> } }).error.fields,
      ).toHaveProperty('reason');
      expect(
        (
          await api(app().base, app().tokens.budi, 'POST', `/api/applications/${gambir.id}/status`, {
            to: 'CANCELLED',
          })
        ).status,
      ).toBe(409);
      expect(
        (
          await api(app().base, app().tokens.budi, 'POST', `/api/applications/${gambir.id}/status`, {
            to: 'APPROVED',
            version: 99,
          })
        ).status,
      ).toBe(409);
      expect(
        (
          await api(app().base, app().tokens.joko, 'POST', `/api/applications/${gambir.id}/status`, {
            to: 'APPROVED',
          })
        ).status,
      ).toBe(403);
    });

    it('should answer 400 for malformed JSON', async () => {
      const res = await fetch(`${app().base}/api/applications/${gambir.id}/status`, {
        method: 'POST',
        headers: { authorization: `Bearer ${app().tokens.budi}`, 'content-type': 'application/json' },
        body: '{nope',
      });
      expect(res.status).toBe(400);
    });
  });

  describe('GET /api/applications/:id/documents/:docId', () => {
    it('should stream the bytes only through an authenticated, scoped route', async () => {
      const res = await api(
        app().base,
        app().tokens.budi,
        'GET',
        `/api/applications/${gambir.id}/documents/${docId}`,
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
      expect(
        (await api(app().base, app().tokens.joko, 'GET', `/api/applications/${gambir.id}/documents/${docId}`))
          .status,
      ).toBe(403);
      expect(
        (await api(app().base, app().tokens.sari, 'GET', `/api/applications/${cideng.id}/documents/${docId}`))
          .status,
      ).toBe(404);
      const viewed = await app().repos.events.search({ type: 'document.viewed' }, { limit: 5 });
      expect(viewed.total).toBe(1);
    });
  });

  describe('handoffs', () => {
    it('should list, claim, reply, release and close through the API, pushing to the citizen', async () => {
      const { repos, base, tokens, pushed } = app();
      const { ticket } = await repos.handoffs.open({
        channel: 'whatsapp',
        chatId: '6281234567890',
        reason: 'not_understood',
        priority: false,
        officeId: '31.71.01.1001',
        createdAt: new Date(Date.now() - 120_000),
      });
      const list = (await (await api(base, tokens.budi, 'GET', '/api/handoffs')).json()) as {
        items: Array<{ id: string; citizen: string; waitingSeconds: number }>;
      };
      const row = list.items.find((i) => i.id === ticket.id);
      expect(row).toMatchObject({ citizen: '••••7890' });
      expect(row?.waitingSeconds).toBeGreaterThanOrEqual(119);
      expect((await api(base, tokens.budi, 'POST', `/api/handoffs/${ticket.id}/claim`)).status).toBe(200);
      expect((await api(base, tokens.sari, 'POST', `/api/handoffs/${ticket.id}/claim`)).status).toBe(409);
      const empty = await api(base, tokens.budi, 'POST', `/api/handoffs/${ticket.id}/reply`, { text: '' });
      expect(empty.status).toBe(400);
      expect(
        ((await empty.json()) as { error: { fields: Record<string, string> } }).error.fields,
      ).toHaveProperty('text');
      expect(
        (
          await api(base, tokens.budi, 'POST', `/api/handoffs/${ticket.id}/reply`, {
            text: 'Halo, saya Budi.',
          })
        ).status,
      ).toBe(200);
      const detail = (await (await api(base, tokens.budi, 'GET', `/api/handoffs/${ticket.id}`)).json()) as {
        transcript: Array<{ text: string }>;
      };
      expect(detail.transcript.map((l) => l.text)).toEqual(['Halo, saya Budi.']);
      expect((await api(base, tokens.budi, 'POST', `/api/handoffs/${ticket.id}/release`)).status).toBe(200);
      const noResolution = await api(base, tokens.budi, 'POST', `/api/handoffs/${ticket.id}/close`, {});
      expect(noResolution.status).toBe(400);
      expect(await noResolution.json()).toMatchObject({
        error: { code: 'invalid', fields: { resolution: expect.any(String) } },
      });
      const closed = await api(base, tokens.budi, 'POST', `/api/handoffs/${ticket.id}/close`, {
        resolution: 'answered',
      });
      expect(closed.status).toBe(200);
      expect(await closed.json()).toMatchObject({ handoff: { status: 'closed' }, resolution: 'answered' });
      expect(pushed.filter((p) => p.address.chatId === '6281234567890').map((p) => p.event.kind)).toEqual([
        'officer_joined',
        'officer_message',
        'handoff_closed',
        'handoff_closed',
      ]);
      expect((await api(base, tokens.budi, 'GET', '/api/handoffs/65f00000000000000000dead')).status).toBe(
        404,
      );
    });

    it('should keep complaints from plain officers', async () => {
      const { ticket } = await app().repos.handoffs.open({
        channel: 'telegram',
        chatId: 'pungli1',
        reason: 'complaint',
        priority: true,
        officeId: '31.71.01.1001',
        createdAt: new Date(),
      });
      const list = (await (await api(app().base, app().tokens.budi, 'GET', '/api/handoffs')).json()) as {
        items: Array<{ id: string }>;
      };
      expect(list.items.map((i) => i.id)).not.toContain(ticket.id);
      expect(
        (await api(app().base, app().tokens.budi, 'POST', `/api/handoffs/${ticket.id}/claim`)).status,
      ).toBe(403);
      expect(
        (await api(app().base, app().tokens.sari, 'POST', `/api/handoffs/${ticket.id}/claim`)).status,
      ).toBe(200);
    });
  });

  describe('officers', () => {
    it('should let only admins list and create officers, within their own area', async () => {
      const { base, tokens } = app();
      expect((await api(base, tokens.budi, 'GET', '/api/officers')).status).toBe(403);
      expect((await api(base, tokens.sari, 'POST', '/api/officers', {})).status).toBe(403);
      const list = (await (await api(base, tokens.admin, 'GET', '/api/officers')).json()) as {
        items: Array<{ username: string }>;
      };
      expect(list.items.map((o) => o.username)).toEqual(['admin', 'budi', 'sari']);
      expect(JSON.stringify(list)).not.toMatch(/passwordHash|apiTokenHashes/);
      const bad = await api(base, tokens.admin, 'POST', '/api/officers', {
        username: 'x',
        password: 'short',
        role: 'boss',
        officeId: '3171',
      });
      expect(bad.status).toBe(400);
      expect(Object.keys(((await bad.json()) as { error: { fields: object } }).error.fields).sort()).toEqual([
        'displayName',
        'officeId',
        'password',
        'role',
        'username',
      ]);
      const input = {
        username: 'rina',
        displayName: 'Rina',
        password: 'panjang-sekali-9',
        role: 'officer',
        officeId: '31.71.01.1002',
      };
      expect(
        (await api(base, tokens.admin, 'POST', '/api/officers', { ...input, officeId: '32.73' })).status,
      ).toBe(403);
      expect((await api(base, tokens.admin, 'POST', '/api/officers', input)).status).toBe(201);
      expect((await api(base, tokens.admin, 'POST', '/api/officers', input)).status).toBe(409);
    });

    it('should issue a working API token once', async () => {
      const res = await api(app().base, app().tokens.budi, 'POST', '/api/me/tokens');
      expect(res.status).toBe(201);
      const { token } = (await res.json()) as { token: string };
      const me = (await (await api(app().base, token, 'GET', '/api/me')).json()) as {
        officer: { username: string };
      };
      expect(me.officer.username).toBe('budi');
    });
  });

  describe('GET /api/openapi.json', () => {
    it('should describe every route with schemas generated from zod', async () => {
      const doc = (await (await api(app().base, app().tokens.budi, 'GET', '/api/openapi.json')).json()) as {
        openapi: string;
        paths: Record<
          string,
          Record<
            string,
            { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } }
          >
        >;
      };
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/applications',
          '/applications/{id}/status',
          '/handoffs/{id}/reply',
          '/officers',
        ]),
      );
      const status =
        doc.paths['/applications/{id}/status']?.post?.requestBody?.content['application/json']?.schema;
      expect(Object.keys(status?.properties ?? {})).toEqual(['to', 'note', 'reason', 'revision', 'version']);
      const body = (path: string) =>
        Object.keys(doc.paths[path]?.post?.requestBody?.content['application/json']?.schema.properties ?? {});
      expect(body('/handoffs/{id}/close')).toEqual(['resolution']);
      expect(body('/handoffs/{id}/notes')).toEqual(['text']);
      expect(body('/handoffs/{id}/transfer')).toEqual(['toOfficerId', 'toOfficeId', 'note']);
      expect(doc.paths['/handoffs/{id}/hand-back']?.post).toBeDefined();
    });

    it('should answer unknown API paths with 404 in the one shape', async () => {
      const res = await api(app().base, app().tokens.budi, 'GET', '/api/nope');
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
    });
  });
});
