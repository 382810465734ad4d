import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../src/adapters/mongo/repositories.js';
import { discardDocument } from '../../src/app/effects/discard-document.js';
import {
  ORPHAN_SWEEP_LEASE,
  sweepDiscardedUploads,
  sweepOrphanUploads,
  type OrphanSweepDeps,
} from '../../src/app/orphan-uploads.js';
import type { ConversationState, UploadedFile } from '../../src/dialogue/types.js';
import type { Channel } from '../../src/domain/application.js';
import type { LeaseRepository } from '../../src/ports/lease.js';
import { newApplication, sequentialNumbers } from '../adapters/mongo/fixtures.js';
import { openRepositoriesWithLeases, useTestDatabase } from '../support/db.js';
import { testCipher } from '../support/cipher.js';

const db = useTestDatabase('orphan_uploads');
const DAY = 86_400_000;
const PNG = readFileSync(new URL('../fixtures/files/foto-kk.png', import.meta.url));

let repos: MongoRepositories;
let leases: LeaseRepository;

beforeAll(async () => {
  ({ repos, leases } = await openRepositoriesWithLeases(db.conn()));
});

/** The files are stored now; the sweep runs `days` later. */
function deps(days: number, overrides: Partial<OrphanSweepDeps> = {}): OrphanSweepDeps {
  return {
    documents: repos.documents,
    conversations: repos.conversations,
    applications: repos.applications,
    events: repos.events,
    leases,
    orphanDays: 30,
    holder: 'test-a',
    now: () => new Date(Date.now() + days * DAY),
    ...overrides,
  };
}

async function upload(channel: Channel, chatId: string): Promise<UploadedFile> {
  const put = await repos.documents.put({
    bytes: PNG,
    filename: 'kk.png',
    owner: { channel, chatId },
    maxBytes: 100_000,
    allowedTypes: ['image/png'],
  });
  if (!put.ok) throw new Error(`refused: ${put.reason}`);
  return put.file;
}

/** A conversation at the photo step of a draft holding `files`. */
function drafting(files: UploadedFile[]): ConversationState {
  return {
    lang: 'id',
    consent: true,
    mode: 'bot',
    misunderstood: 0,
    flow: {
      draft: { serviceId: 'kk', answers: { nama: 'Rina Marlina' }, documents: { foto_kk: files } },
      at: { step: 'foto_ktp' },
    },
  };
}

const orphanEvents = async () =>
  (await repos.events.search({ type: 'document.orphan_deleted' }, { limit: 50 })).items;

describe('the orphan-upload sweep (ORPHAN_UPLOAD_DAYS)', () => {
  it('should delete old pending uploads no draft or application holds, with an audit event each', async () => {
    // A draft abandoned half-way: the conversation is gone, or moved on without the file.
    const abandoned = await upload('whatsapp', '6281200007001');
    const replaced = await upload('telegram', '7002');
    const kept = await upload('telegram', '7002');
    await repos.conversations.write('telegram', '7002', drafting([kept]), null);
    // Submitted, but the process died before marking the file (or an older version never did).
    const submitted = await upload('telegram', '7003');
    const app = await repos.applications.create(
      newApplication({ documents: [{ ...newApplication().documents[0]!, id: submitted.documentId }] }),
      sequentialNumbers(7300),
    );
    const attached = await upload('telegram', '7004');
    await repos.documents.attach(attached.documentId, 'app-7004');

    // Younger than 30 days: nothing goes.
    expect(await sweepOrphanUploads(deps(29))).toEqual({
      ran: true,
      deleted: 0,
      kept: 0,
      attached: 0,
      deadContents: 0,
    });
    expect(await repos.documents.get(abandoned.documentId)).toBeDefined();

    const report = await sweepOrphanUploads(deps(31));
    expect(report).toEqual({ ran: true, deleted: 2, kept: 1, attached: 1, deadContents: 0 });
    expect(await repos.documents.get(abandoned.documentId)).toBeUndefined();
    expect(await repos.documents.get(replaced.documentId)).toBeUndefined();
    expect((await repos.documents.get(kept.documentId))?.bytes.equals(PNG)).toBe(true);
    expect((await repos.documents.get(submitted.documentId))?.meta.applicationId).toBe(app.id);
    expect((await repos.documents.get(attached.documentId))?.meta.applicationId).toBe('app-7004');

    const events = await orphanEvents();
    expect(events.map((e) => e.data?.documentId).sort()).toEqual(
      [abandoned.documentId, replaced.documentId].sort(),
    );
    const ofAbandoned = events.find((e) => e.data?.documentId === abandoned.documentId);
    expect(ofAbandoned).toMatchObject({
      actor: { kind: 'system', id: 'orphan-uploads' },
      data: { channel: 'whatsapp', contentType: 'image/png', size: PNG.length, orphanDays: 30 },
    });
    // The WhatsApp chat id is the citizen's phone number: never in the audit log.
    expect(JSON.stringify(events)).not.toContain('6281200007001');

    // The next run finds only the file the draft still holds.
    expect(await sweepOrphanUploads(deps(31))).toEqual({
      ran: true,
      deleted: 0,
      kept: 1,
      attached: 0,
      deadContents: 0,
    });
    expect(await orphanEvents()).toHaveLength(2);
  });

  it("should keep a file that another process's newer version of the draft holds", async () => {
    // The sweep's process saw the chat at version 1, before the file; a server on another
    // machine handled the upload and wrote version 2.
    await repos.conversations.write('telegram', '7200', drafting([]), null);
    expect((await repos.conversations.readForTurn('telegram', '7200'))?.version).toBe(1);
    const file = await upload('telegram', '7200');
    const elsewhere = createMongoRepositories(db.conn(), testCipher).conversations;
    await elsewhere.write('telegram', '7200', drafting([file]), 1);

    expect((await sweepOrphanUploads(deps(31))).kept).toBeGreaterThanOrEqual(1);
    expect(await repos.documents.get(file.documentId)).toBeDefined();
  });

  it('should not run while another process holds the lease', async () => {
    const file = await upload('telegram', '7100');
    const t = new Date(Date.now() + 31 * DAY);
    expect((await leases.acquire(ORPHAN_SWEEP_LEASE, 'test-b', 600_000, t)).acquired).toBe(true);
    expect(await sweepOrphanUploads(deps(31))).toEqual({
      ran: false,
      deleted: 0,
      kept: 0,
      attached: 0,
      deadContents: 0,
    });
    expect(await repos.documents.get(file.documentId)).toBeDefined();

    await leases.release(ORPHAN_SWEEP_LEASE, 'test-b', t);
    expect((await sweepOrphanUploads(deps(31))).deleted).toBe(1);
    expect(await repos.documents.get(file.documentId)).toBeUndefined();
  });
});

describe('the discard sweep', () => {
  const soon = () => ({ ...deps(0), now: () => new Date(Date.now() + 2 * 60_000) });
  const discard = (documentId: string, chatId: string) =>
    discardDocument(
      repos,
      { kind: 'discard_document', documentId },
      {
        msg: {
          channel: 'telegram',
          chatId,
          messageId: 'm1',
          at: new Date(),
          content: { kind: 'text', text: 'x' },
        },
        state: drafting([]),
      },
    );

  it('should delete a replaced upload only once the draft without it is saved', async () => {
    const first = await upload('telegram', '7400');
    await repos.conversations.write('telegram', '7400', drafting([first]), null);
    // The citizen sends a better photo: the turn lets go of the first, then dies before its save.
    const better = await upload('telegram', '7400');
    await discard(first.documentId, '7400');
    expect(await sweepDiscardedUploads(soon())).toEqual({
      ran: true,
      deleted: 0,
      kept: 1,
      attached: 0,
      deadContents: 0,
    });
    expect((await repos.documents.get(first.documentId))?.bytes.equals(PNG)).toBe(true);

    // The turn runs again and is saved: nothing names the first photo any more.
    await repos.conversations.write('telegram', '7400', drafting([better]), 1);
    expect(await sweepDiscardedUploads(soon())).toEqual({
      ran: true,
      deleted: 1,
      kept: 0,
      attached: 0,
      deadContents: 0,
    });
    expect(await repos.documents.get(first.documentId)).toBeUndefined();
    expect(await repos.documents.get(better.documentId)).toBeDefined();
    expect(await sweepDiscardedUploads(soon())).toEqual({
      ran: true,
      deleted: 0,
      kept: 0,
      attached: 0,
      deadContents: 0,
    });
    // Not an abandoned draft's file: no orphan audit event.
    expect((await orphanEvents()).map((e) => e.data?.documentId)).not.toContain(first.documentId);
  });

  it('should wait the grace, and attach a discarded file an application lists after all', async () => {
    const file = await upload('telegram', '7401');
    await discard(file.documentId, '7401');
    expect((await sweepDiscardedUploads(deps(0))).deleted).toBe(0);
    const app = await repos.applications.create(
      newApplication({ documents: [{ ...newApplication().documents[0]!, id: file.documentId }] }),
      sequentialNumbers(7401),
    );
    expect(await sweepDiscardedUploads(soon())).toEqual({
      ran: true,
      deleted: 0,
      kept: 0,
      attached: 1,
      deadContents: 0,
    });
    expect((await repos.documents.get(file.documentId))?.meta.applicationId).toBe(app.id);
  });

  it('should keep the uploads of a cancelled draft while it can be restored, and delete them after', async () => {
    const file = await upload('telegram', '7402');
    const cancelledAt = new Date();
    const cancelled: ConversationState = {
      ...drafting([]),
      flow: undefined,
      undo: { flow: drafting([file]).flow!, cancelledAt: cancelledAt.toISOString() },
    };
    await repos.conversations.write('telegram', '7402', cancelled, null);
    await discard(file.documentId, '7402');
    const at = (minutes: number) => ({
      ...deps(0),
      now: () => new Date(cancelledAt.getTime() + minutes * 60_000),
    });
    expect(await sweepDiscardedUploads(at(9))).toEqual({
      ran: true,
      deleted: 0,
      kept: 1,
      attached: 0,
      deadContents: 0,
    });
    expect((await repos.documents.get(file.documentId))?.bytes.equals(PNG)).toBe(true);
    expect(await sweepDiscardedUploads(at(11))).toEqual({
      ran: true,
      deleted: 1,
      kept: 0,
      attached: 0,
      deadContents: 0,
    });
    expect(await repos.documents.get(file.documentId)).toBeUndefined();
  });
});
