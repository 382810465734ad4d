import { beforeAll, describe, expect, it } from '@jest/globals';
import type { MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import type { EffectDeps } from '../../../src/app/effects/effect-deps.js';
import { saveRevision } from '../../../src/app/effects/save-revision.js';
import { reconcileEffects } from '../../../src/app/application-effects.js';
import { createMongoLeases } from '../../../src/adapters/mongo/mongo-lease.js';
import type { Application } from '../../../src/domain/application.js';
import { newApplication, sequentialNumbers } from '../../adapters/mongo/fixtures.js';
import { useTestDatabase } from '../../support/db.js';
import { MONDAY_MORNING, openEffectDeps, turn, upload, citizenId } from './support.js';

const db = useTestDatabase('effect_revision');
let deps: EffectDeps & { repos: MongoRepositories };
const numbers = sequentialNumbers();

beforeAll(async () => {
  deps = await openEffectDeps(db.conn());
});

/** A KTP application an officer sent back for a fix of `stepId`. */
function needingRevision(stepId: string): Promise<Application> {
  return deps.applications.create(
    newApplication({ status: 'NEEDS_REVISION', revision: { stepId, note: 'Mohon diperbaiki' } }),
    numbers,
  );
}

describe('saveRevision', () => {
  it('should take a fixed answer, also as the applicant and the office, and give the application back to review', async () => {
    const app = await needingRevision('nama');
    const ctx = turn('5550001');
    const effect = {
      kind: 'save_revision' as const,
      trackingNumber: app.trackingNumber,
      stepId: 'nama',
      value: 'Siti R.',
    };
    expect(await saveRevision(deps, effect, ctx)).toEqual([
      { kind: 'revision_saved', trackingNumber: app.trackingNumber },
    ]);
    const saved = await deps.applications.findById(app.id);
    expect(saved).toMatchObject({
      status: 'IN_REVIEW',
      answers: { nama: 'Siti R.' },
      applicant: { name: 'Siti R.' },
    });
    expect(saved).not.toHaveProperty('revision');
    expect(saved?.statusHistory.at(-1)).toEqual({
      from: 'NEEDS_REVISION',
      to: 'IN_REVIEW',
      at: MONDAY_MORNING,
      by: { kind: 'citizen', id: citizenId('5550001') },
      note: 'perbaikan: nama',
    });
    expect(await deps.events.listForApplication(app.id)).toMatchObject([
      { type: 'application.revised', data: { stepId: 'nama' } },
    ]);

    const moved = await needingRevision('kelurahan');
    const office = {
      kind: 'save_revision' as const,
      trackingNumber: moved.trackingNumber,
      stepId: 'kelurahan',
      value: '31.74.09.1002',
    };
    await saveRevision(deps, office, turn('5550001'));
    expect((await deps.applications.findById(moved.id))?.officeId).toBe('31.74.09.1002');
  });

  it('should replace the document of the step: the old upload deleted, the new one attached', async () => {
    const old = await upload(deps, '5550001');
    const app = await deps.applications.create(
      newApplication({
        status: 'NEEDS_REVISION',
        revision: { stepId: 'foto_kk', note: 'Foto buram' },
        documents: [{ ...newApplication().documents[0]!, id: old.documentId, stepId: 'foto_kk' }],
      }),
      numbers,
    );
    const file = await upload(deps, '5550001');
    const effect = {
      kind: 'save_revision' as const,
      trackingNumber: app.trackingNumber,
      stepId: 'foto_kk',
      file,
    };
    await saveRevision(deps, effect, turn('5550001'));

    const saved = await deps.applications.findById(app.id);
    expect(saved?.documents).toEqual([
      {
        id: file.documentId,
        stepId: 'foto_kk',
        filename: 'foto-kk.png',
        contentType: 'image/png',
        size: file.size,
        sha256: file.sha256,
        uploadedAt: MONDAY_MORNING,
      },
    ]);
    expect(await deps.documents.get(old.documentId)).toBeUndefined();
    const orphans = await deps.documents.listOrphansBefore(new Date(Date.now() + 86_400_000));
    expect(orphans.map((o) => o.documentId)).not.toContain(file.documentId);
  });

  it('should keep the old document when the save of the revision fails, and delete it only once saved', async () => {
    const old = await upload(deps, '5550002');
    const app = await deps.applications.create(
      newApplication({
        status: 'NEEDS_REVISION',
        revision: { stepId: 'foto_kk', note: 'Foto buram' },
        documents: [{ ...newApplication().documents[0]!, id: old.documentId, stepId: 'foto_kk' }],
      }),
      numbers,
    );
    const file = await upload(deps, '5550002');
    const effect = {
      kind: 'save_revision' as const,
      trackingNumber: app.trackingNumber,
      stepId: 'foto_kk',
      file,
    };
    // The database refuses the write (down, or an officer saved first): the revision is not saved.
    const failing = Object.assign(Object.create(deps.applications) as typeof deps.applications, {
      save: () => Promise.reject(new Error('database down')),
    });
    await expect(saveRevision({ ...deps, applications: failing }, effect, turn('5550002'))).rejects.toThrow(
      'database down',
    );
    expect((await deps.applications.findById(app.id))?.documents.map((d) => d.id)).toEqual([old.documentId]);
    expect(await deps.documents.get(old.documentId)).toBeDefined();

    // Saved, then the process dies before its follow-ups: the reconciler deletes the old file.
    const dying = Object.assign(Object.create(deps.events) as typeof deps.events, {
      appendOnce: () => Promise.reject(new Error('crash')),
    });
    await saveRevision({ ...deps, events: dying }, effect, turn('5550002'));
    expect(await deps.documents.get(old.documentId)).toBeDefined();
    const leases = createMongoLeases(db.conn());
    await leases.ensureIndexes();
    const later = new Date(MONDAY_MORNING.getTime() + 60_000);
    const run = () =>
      reconcileEffects({ ...deps, outbox: deps.repos.outbox, leases, holder: 'test', now: () => later });
    expect((await run()).completed).toBe(1);
    expect(await deps.documents.get(old.documentId)).toBeUndefined();
    expect(await deps.events.listForApplication(app.id)).toMatchObject([{ type: 'application.revised' }]);
    const orphans = await deps.documents.listOrphansBefore(new Date(Date.now() + 86_400_000));
    expect(orphans.map((o) => o.documentId)).not.toContain(file.documentId);
    expect((await run()).completed).toBe(0);
  });

  it('should ignore a fix the application no longer waits for (another step, or already moved on)', async () => {
    const app = await needingRevision('nama');
    const other = {
      kind: 'save_revision' as const,
      trackingNumber: app.trackingNumber,
      stepId: 'nik',
      value: '1',
    };
    expect(await saveRevision(deps, other, turn('5550001'))).toEqual([]);
    const missing = { ...other, trackingNumber: 'PTSP-2503-99999' };
    expect(await saveRevision(deps, missing, turn('5550001'))).toEqual([]);

    const fix = {
      kind: 'save_revision' as const,
      trackingNumber: app.trackingNumber,
      stepId: 'nama',
      value: 'Ani',
    };
    await saveRevision(deps, fix, turn('5550001'));
    expect(await saveRevision(deps, { ...fix, value: 'Ana' }, turn('5550001'))).toEqual([]);
    expect((await deps.applications.findById(app.id))?.applicant.name).toBe('Ani');
  });
});
