import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from '@jest/globals';
import mongoose from 'mongoose';
import type { MongoRepositories } from '../../src/adapters/mongo/repositories.js';
import { sweepOrphanUploads, type OrphanSweepDeps } from '../../src/app/orphan-uploads.js';
import type { LeaseRepository } from '../../src/ports/lease.js';
import { openRepositoriesWithLeases, useTestDatabase } from '../support/db.js';

const db = useTestDatabase('orphan_chunks');
const HOUR = 3_600_000;
const PNG = readFileSync(new URL('../fixtures/files/foto-kk.png', import.meta.url));
const { ObjectId, Binary } = mongoose.mongo;

let repos: MongoRepositories;
let leases: LeaseRepository;

beforeAll(async () => {
  ({ repos, leases } = await openRepositoriesWithLeases(db.conn()));
});

const chunks = () => db.conn().db!.collection('documents.chunks');

/** A chunk set of a file that has no row, its writing started at `at`: what a put that died leaves. */
async function deadPut(at: Date): Promise<mongoose.mongo.ObjectId> {
  const set = ObjectId.createFromTime(Math.floor(at.getTime() / 1000));
  const file = new ObjectId();
  await chunks().insertMany(
    [0, 1].map((n) => ({ files_id: set, n, data: new Binary(Buffer.from('x')), file })),
  );
  return set;
}

describe('the orphan-upload sweep and contents no file names', () => {
  it('should delete a set older than an hour, and keep one still being written and one a file names', async () => {
    const put = await repos.documents.put({
      bytes: PNG,
      filename: 'kk.png',
      owner: { channel: 'telegram', chatId: '7500' },
      maxBytes: 100_000,
      allowedTypes: ['image/png'],
    });
    if (!put.ok) throw new Error(`refused: ${put.reason}`);
    const sweptAt = new Date(Date.now() + 2 * HOUR);
    const dead = await deadPut(new Date(sweptAt.getTime() - HOUR - 60_000));
    const writing = await deadPut(new Date(sweptAt.getTime() - 10 * 60_000));
    const deps: OrphanSweepDeps = { ...repos, leases, orphanDays: 30, holder: 'test-a', now: () => sweptAt };

    expect(await sweepOrphanUploads(deps)).toEqual({
      ran: true,
      deleted: 0,
      kept: 0,
      attached: 0,
      deadContents: 1,
    });
    expect(await chunks().countDocuments({ files_id: dead })).toBe(0);
    expect(await chunks().countDocuments({ files_id: writing })).toBe(2);
    // The stored file, its set older than an hour too, is whole.
    expect((await repos.documents.get(put.file.documentId))?.bytes.equals(PNG)).toBe(true);

    // Once that put has been dead an hour, the next run takes its set as well.
    const later = { ...deps, now: () => new Date(sweptAt.getTime() + HOUR) };
    expect((await sweepOrphanUploads(later)).deadContents).toBe(1);
    expect(await chunks().countDocuments({ files_id: writing })).toBe(0);
    expect((await repos.documents.get(put.file.documentId))?.bytes.equals(PNG)).toBe(true);
  });
});
