import { beforeAll, describe, expect, it } from '@jest/globals';
import type { MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import type { EffectDeps } from '../../../src/app/effects/effect-deps.js';
import { submitApplication } from '../../../src/app/effects/submit-application.js';
import { reconcileEffects } from '../../../src/app/application-effects.js';
import { createMongoLeases } from '../../../src/adapters/mongo/mongo-lease.js';
import type { Draft } from '../../../src/dialogue/types.js';
import { createLogger } from '../../../src/config/logger.js';
import { useTestDatabase } from '../../support/db.js';
import { MONDAY_MORNING, openEffectDeps, turn, upload, citizenId } from './support.js';

const db = useTestDatabase('effect_submit');
let deps: EffectDeps & { repos: MongoRepositories };

beforeAll(async () => {
  deps = await openEffectDeps(db.conn());
});

/** A KTP draft of a citizen who lost their card, with the KK photo uploaded. */
async function ktpDraft(chatId: string): Promise<Draft> {
  return {
    serviceId: 'ktp',
    answers: {
      jenis: 'hilang',
      nama: 'Siti Rahmawati',
      nik: '3171014708900003',
      telepon: '081234567890',
      kelurahan: '31.74.09.1002',
      no_kk: '3171010101900001',
    },
    documents: { foto_kk: [await upload(deps, chatId)] },
  };
}

describe('submitApplication', () => {
  it('should store the application from the flow answers, keep its uploads and log the submission', async () => {
    const draft = await ktpDraft('sub-1');
    const ctx = turn('sub-1');
    const events = await submitApplication(deps, { kind: 'submit_application', draft, lang: 'id' }, ctx);

    expect(events).toEqual([
      { kind: 'submitted', trackingNumber: expect.stringMatching(/^PTSP-2611-/), dueAt: expect.any(String) },
    ]);
    const [submitted] = events as Array<{ trackingNumber: string; dueAt: string }>;
    const app = await deps.applications.findByTrackingNumber(submitted!.trackingNumber);
    expect(app).toMatchObject({
      serviceId: 'ktp',
      applicant: {
        name: 'Siti Rahmawati',
        nik: '3171014708900003',
        phone: '081234567890',
        contact: { channel: 'telegram', chatId: 'sub-1' },
      },
      officeId: '31.74.09.1002',
      status: 'SUBMITTED',
      statusHistory: [
        { from: null, to: 'SUBMITTED', at: MONDAY_MORNING, by: { kind: 'citizen', id: citizenId('sub-1') } },
      ],
      documents: [
        { id: draft.documents.foto_kk![0]!.documentId, stepId: 'foto_kk', uploadedAt: MONDAY_MORNING },
      ],
    });
    // Fourteen working days for a KTP.
    expect(app!.slaDueAt.toISOString()).toBe(submitted!.dueAt);
    expect(app!.slaDueAt.getTime()).toBeGreaterThan(MONDAY_MORNING.getTime() + 14 * 86_400_000);
    // Attached: the orphan-upload sweep no longer sees it.
    const orphans = await deps.documents.listOrphansBefore(new Date(Date.now() + 86_400_000));
    expect(orphans.map((o) => o.documentId)).not.toContain(draft.documents.foto_kk![0]!.documentId);
    const logged = await deps.events.listForApplication(app!.id);
    expect(logged).toMatchObject([
      { type: 'application.submitted', data: { serviceId: 'ktp', channel: 'telegram' } },
    ]);
  });

  it('should log the submission and keep its uploads once when the process dies right after storing it', async () => {
    const draft = await ktpDraft('sub-crash');
    const effect = { kind: 'submit_application' as const, draft, lang: 'id' as const };
    const dying = Object.assign(Object.create(deps.events) as typeof deps.events, {
      appendOnce: () => Promise.reject(new Error('crash')),
    });
    const [done] = (await submitApplication({ ...deps, events: dying }, effect, turn('sub-crash'))) as Array<{
      trackingNumber: string;
    }>;
    const app = await deps.applications.findByTrackingNumber(done!.trackingNumber);
    expect(await deps.events.listForApplication(app!.id)).toEqual([]);

    const leases = createMongoLeases(db.conn());
    await leases.ensureIndexes();
    const later = new Date(Date.now() + 60_000);
    const reconcile = () =>
      reconcileEffects({ ...deps, outbox: deps.repos.outbox, leases, holder: 'test', now: () => later });
    expect((await reconcile()).completed).toBeGreaterThanOrEqual(1);
    expect((await reconcile()).completed).toBe(0);
    expect(await deps.events.listForApplication(app!.id)).toMatchObject([{ type: 'application.submitted' }]);
    const fileId = draft.documents.foto_kk![0]!.documentId;
    expect((await deps.documents.get(fileId))?.meta.applicationId).toBe(app!.id);
  });

  it('should answer the first application for a redelivered confirmation (same message)', async () => {
    const draft = await ktpDraft('sub-2');
    const ctx = turn('sub-2');
    const effect = { kind: 'submit_application' as const, draft, lang: 'id' as const };
    const first = await submitApplication(deps, effect, ctx);
    const again = await submitApplication(deps, effect, ctx);
    expect(again).toEqual(first);
    expect(await deps.applications.listByContact({ channel: 'telegram', chatId: 'sub-2' })).toHaveLength(1);
  });

  it('should leave the phone out when the flow step was not answered', async () => {
    const draft = await ktpDraft('sub-3');
    delete draft.answers.telepon;
    const [ev] = await submitApplication(
      deps,
      { kind: 'submit_application', draft, lang: 'en' },
      turn('sub-3'),
    );
    const app = await deps.applications.findByTrackingNumber(
      (ev as { trackingNumber: string }).trackingNumber,
    );
    expect(app?.applicant).not.toHaveProperty('phone');
  });

  it('should answer submit_failed for an unknown service, and when the store refuses', async () => {
    const draft = await ktpDraft('sub-4');
    const unknown = { ...draft, serviceId: 'no-such-service' };
    expect(
      await submitApplication(
        deps,
        { kind: 'submit_application', draft: unknown, lang: 'id' },
        turn('sub-4'),
      ),
    ).toEqual([{ kind: 'submit_failed' }]);

    const logged: string[] = [];
    const failing: EffectDeps = {
      ...deps,
      applications: { ...deps.applications, create: () => Promise.reject(new Error('database down')) },
      logger: createLogger('error', { write: (line: string) => void logged.push(line) }),
    };
    expect(
      await submitApplication(failing, { kind: 'submit_application', draft, lang: 'id' }, turn('sub-4')),
    ).toEqual([{ kind: 'submit_failed' }]);
    expect(logged.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['submit failed']);
  });
});

describe('submitApplication with office services and SLA', () => {
  it('should route up to the nearest office offering the service, use its SLA and say so', async () => {
    await deps.repos.offices.upsertMany([
      { id: '31.74', name: 'Jakarta Selatan', level: 'kota', parentId: null, hours: {} },
      { id: '31.74.09', name: 'Tebet', level: 'kecamatan', parentId: '31.74', hours: {}, sla: { ktp: 3 } },
      {
        id: '31.74.09.1002',
        name: 'Tebet Timur',
        level: 'kelurahan',
        parentId: '31.74.09',
        hours: {},
        services: ['kk'],
      },
    ]);
    const routed = { ...deps, offices: deps.repos.offices };
    const draft = await ktpDraft('sub-route');
    const events = await submitApplication(
      routed,
      { kind: 'submit_application', draft, lang: 'id' },
      turn('sub-route'),
    );
    // Three working days from Monday 09:00 WIB: Wednesday 15:00 WIB.
    expect(events).toEqual([
      {
        kind: 'submitted',
        trackingNumber: expect.any(String),
        dueAt: '2026-11-25T08:00:00.000Z',
        routedFrom: 'Tebet Timur',
        routedTo: 'Tebet',
      },
    ]);
    const [ev] = events as Array<{ trackingNumber: string }>;
    const app = await deps.applications.findByTrackingNumber(ev!.trackingNumber);
    expect(app).toMatchObject({ officeId: '31.74.09', answers: { kelurahan: '31.74.09.1002' } });
  });
});
