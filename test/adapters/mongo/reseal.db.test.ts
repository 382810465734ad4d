import { describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAesGcmCipher, keyIdOf } from '../../../src/adapters/crypto/aes-gcm-cipher.js';
import { createMongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { resealAll } from '../../../src/adapters/mongo/reseal.js';
import type { Application } from '../../../src/domain/application.js';
import { runTsTool } from '../../support/run-tool.js';
import { useTestDatabase } from '../../support/db.js';
import { newApplication } from './fixtures.js';

/**
 * `npm run keys:rotate`: data sealed under key A, key B rolled in (A kept in LOKET_DATA_KEYS_OLD),
 * the rotation run; afterwards a ring holding B alone opens and finds everything.
 */
const db = useTestDatabase('reseal');
const [A, B, C] = [21, 22, 23].map((n) => Buffer.alloc(32, n)) as [Buffer, Buffer, Buffer];
const underA = () => createMongoRepositories(db.conn(), createAesGcmCipher(A));
const underBwithA = () => createMongoRepositories(db.conn(), createAesGcmCipher(B, [A]));
const onlyB = () => createMongoRepositories(db.conn(), createAesGcmCipher(B));
let tracking = 0;

/** A citizen's application, a conversation turn and an outbox row, all sealed by `repos`. */
async function seal(repos: ReturnType<typeof underA>, chatId: string): Promise<Application> {
  const contact = { channel: 'telegram' as const, chatId };
  const app = await repos.applications.create(
    newApplication({
      officeId: 'rotate-office',
      applicant: { name: 'Rina Marlina', nik: '3171010101900011', phone: '081299998888', contact },
    }),
    () => `PTSP-2503-ROT${String(++tracking).padStart(2, '0')}`,
  );
  const said = { replies: [{ kind: 'text' as const, text: 'Halo Rina' }], at: new Date() };
  await repos.conversations.write('telegram', chatId, { lang: 'id' } as never, null, `m-${chatId}`, [], said);
  await repos.outbox.enqueue([
    {
      key: `rot:${chatId}`,
      channel: 'telegram',
      chatId,
      reply: { kind: 'text', text: 'Halo Rina' },
      createdAt: new Date(),
    },
  ]);
  return app;
}

/** Every raw document's text: none may name key A once rotated. */
async function rawText(): Promise<string> {
  const out: string[] = [];
  for (const name of ['applications', 'conversations', 'outbox'])
    out.push(JSON.stringify(await db.conn().collection(name).find({}).toArray()));
  return out.join('\n');
}

describe('keys:rotate', () => {
  it('should re-seal every record under the new key, then find and open all of it with that key alone', async () => {
    const apps = [await seal(underA(), 'rot-1'), await seal(underA(), 'rot-2')];
    const idA = keyIdOf(A);
    expect(await rawText()).toContain(`enc1.${idA}.`);

    const repos = underBwithA();
    // An officer works on an application during the rotation: the change is kept.
    const [tallies] = await Promise.all([
      resealAll(db.conn(), repos.cipher),
      (async () => {
        let app = apps[0]!;
        for (const note of ['satu', 'dua', 'tiga'])
          app = await repos.applications.save({ ...app, revision: { stepId: 'foto', note } }, app.version);
      })(),
    ]);
    expect(tallies.map((t) => [t.collection, t.checked, t.unreadable, t.busy])).toEqual([
      ['applications', 2, [], []],
      ['conversations', 2, [], []],
      ['outbox', 2, [], []],
      ['inbound_queue', 0, [], []],
      ['handoffs', 0, [], []],
      ['events', 0, [], []],
      ['dead_letters', 0, [], []],
      ['satisfaction_answers', 0, [], []],
      ['documents.files', 0, [], []],
    ]);
    expect(
      tallies.every((t) => t.resealed === t.checked || (t.collection === 'applications' && t.resealed >= 1)),
    ).toBe(true);
    const text = await rawText();
    expect(text).not.toContain(`enc1.${idA}.`);
    expect(text).not.toContain(`"${idA}.`);

    const b = onlyB();
    expect((await b.applications.findById(apps[0]!.id))?.revision?.note).toBe('tiga');
    expect(
      (await b.applications.listByContact({ channel: 'telegram', chatId: 'rot-2' })).map((a) => a.id),
    ).toEqual([apps[1]!.id]);
    const byNik = await b.applications.list(
      { officeIds: ['rotate-office'], text: '3171010101900011' },
      { limit: 5 },
    );
    expect(byNik.total).toBe(2);
    expect(
      (await b.applications.list({ officeIds: ['rotate-office'], text: 'marlina' }, { limit: 5 })).total,
    ).toBe(2);
    expect((await b.conversations.read('telegram', 'rot-1'))?.outbound?.replies).toEqual([
      { kind: 'text', text: 'Halo Rina' },
    ]);
    expect((await b.outbox.get('rot:rot-2'))?.reply).toEqual({ kind: 'text', text: 'Halo Rina' });

    // Run again: nothing left to do.
    const again = await resealAll(db.conn(), repos.cipher);
    expect(again.every((t) => t.resealed === 0)).toBe(true);
  });

  it('should count and name a record no key of the ring opens, and re-seal the rest', async () => {
    const lost = await seal(createMongoRepositories(db.conn(), createAesGcmCipher(C)), 'rot-lost');
    const tallies = await resealAll(db.conn(), underBwithA().cipher);
    expect(tallies.find((t) => t.collection === 'applications')?.unreadable).toEqual([lost.id]);
    expect(tallies.find((t) => t.collection === 'outbox')?.unreadable).toEqual(['rot:rot-lost']);
    expect(tallies.find((t) => t.collection === 'conversations')?.unreadable).toEqual([
      'telegram:rot-lost:1',
    ]);
    await db.conn().collection('applications').deleteOne({ trackingNumber: lost.trackingNumber });
    await db
      .conn()
      .collection('outbox')
      .deleteOne({ _id: 'rot:rot-lost' as never });
    await db
      .conn()
      .collection('conversations')
      .deleteOne({ _id: 'telegram:rot-lost:1' as never });
  });

  it('should do it from the command line: a table, "all records under key", exit 0; exit 1 naming what it cannot open', async () => {
    await seal(underA(), 'rot-cli');
    const env = {
      MONGODB_URI: `${process.env.MONGODB_URI}${db.conn().name}`,
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'loket-rotate-')),
      LOKET_DATA_KEY: B.toString('base64'),
      LOKET_DATA_KEYS_OLD: A.toString('base64'),
      SESSION_SECRET: 's'.repeat(40),
      CSRF_SECRET: 'c'.repeat(40),
      LOG_LEVEL: 'warn',
    };
    const ok = await runTsTool('src/keys-rotate.ts', [], env);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^koleksi \/ collection\s+diperiksa \/ checked\s+disegel ulang \/ re-sealed$/m);
    expect(ok.stdout).toMatch(/^applications\s+3\s+1$/m);
    expect(ok.stdout).toMatch(/^outbox\s+3\s+1$/m);
    expect(ok.stdout).toContain(`all records under key ${keyIdOf(B)}`);
    expect(await rawText()).not.toContain(`enc1.${keyIdOf(A)}.`);

    const lost = await seal(createMongoRepositories(db.conn(), createAesGcmCipher(C)), 'rot-cli-lost');
    const failed = await runTsTool('src/keys-rotate.ts', [], env);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`applications: 1 tidak bisa dibuka / cannot be opened: ${lost.id}`);
    expect(failed.stderr).toContain('LOKET_DATA_KEYS_OLD');
    expect(failed.stderr).not.toMatch(/^\s+at /m);
  }, 60_000);
});
