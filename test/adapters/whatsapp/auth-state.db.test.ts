import { beforeAll, describe, expect, it } from '@jest/globals';
import { initAuthCreds, proto } from '@whiskeysockets/baileys';
import { randomBytes } from 'node:crypto';
import { createMongoWhatsAppAuthStore } from '../../../src/adapters/mongo/whatsapp-auth-store.js';
import { loadAuthState } from '../../../src/adapters/whatsapp/auth-state.js';
import { openCountingConnection, useTestDatabase } from '../../support/db.js';

const db = useTestDatabase('wa_auth');

beforeAll(async () => {
  await createMongoWhatsAppAuthStore(db.conn(), 'default').ensureIndexes();
});

describe('WhatsApp auth state on the database', () => {
  it('should give a restarted process the same credentials and keys, Buffers included', async () => {
    const first = await loadAuthState(createMongoWhatsAppAuthStore(db.conn(), 'default'));
    expect(first.paired).toBe(false);
    const creds = first.state.creds;
    creds.me = { id: '6281100000000:7@s.whatsapp.net', name: 'Loket' };
    creds.routingInfo = randomBytes(12);
    await first.saveCreds();
    const session = randomBytes(200);
    const senderKey = randomBytes(64);
    await first.state.keys.set({
      'pre-key': { '1': { public: randomBytes(32), private: randomBytes(32) }, '2': null },
      session: { '6281234567890.0': session, 'user.with.dots:3@lid': senderKey },
      'app-state-sync-key': {
        AAAA: proto.Message.AppStateSyncKeyData.fromObject({
          keyData: randomBytes(32),
          timestamp: 1700000000,
        }),
      },
      'sender-key-memory': { 'group@g.us': { '$weird.key': true } },
      'device-list': { '6281234567890': ['0', '2'] },
    });

    // "Restart": a new store object and a new load, as a new process would do.
    const again = await loadAuthState(createMongoWhatsAppAuthStore(db.conn(), 'default'));
    expect(again.paired).toBe(true);
    expect(again.state.creds.me).toEqual(creds.me);
    expect(Buffer.isBuffer(again.state.creds.noiseKey.private)).toBe(true);
    expect(Buffer.compare(again.state.creds.noiseKey.private, creds.noiseKey.private)).toBe(0);
    expect(Buffer.compare(again.state.creds.signedIdentityKey.public, creds.signedIdentityKey.public)).toBe(
      0,
    );
    expect(again.state.creds.signedPreKey.signature).toEqual(Buffer.from(creds.signedPreKey.signature));
    expect(again.state.creds.routingInfo).toEqual(creds.routingInfo);
    expect(again.state.creds.registrationId).toBe(creds.registrationId);
    expect(again.state.creds.advSecretKey).toBe(creds.advSecretKey);

    const sessions = await again.state.keys.get('session', [
      '6281234567890.0',
      'user.with.dots:3@lid',
      'missing',
    ]);
    expect(Buffer.isBuffer(sessions['6281234567890.0'])).toBe(true);
    expect(Buffer.compare(sessions['6281234567890.0'] as Buffer, session)).toBe(0);
    expect(Buffer.compare(sessions['user.with.dots:3@lid'] as Buffer, senderKey)).toBe(0);
    expect(sessions.missing).toBeUndefined();
    const preKeys = await again.state.keys.get('pre-key', ['1', '2']);
    expect(Object.keys(preKeys)).toEqual(['1']);
    expect(Buffer.isBuffer(preKeys['1']!.private)).toBe(true);
    const sync = await again.state.keys.get('app-state-sync-key', ['AAAA']);
    expect(sync.AAAA).toBeInstanceOf(proto.Message.AppStateSyncKeyData);
    expect(Buffer.from(sync.AAAA!.keyData!).length).toBe(32);
    expect(await again.state.keys.get('sender-key-memory', ['group@g.us'])).toEqual({
      'group@g.us': { '$weird.key': true },
    });
    expect(await again.state.keys.get('device-list', ['6281234567890'])).toEqual({
      '6281234567890': ['0', '2'],
    });
  });

  it('should delete keys set to null, keep sessions apart, and forget everything on clear', async () => {
    const store = createMongoWhatsAppAuthStore(db.conn(), 'other');
    const s = await loadAuthState(store);
    await s.saveCreds();
    await s.state.keys.set({ session: { a: randomBytes(8), b: randomBytes(8) } });
    await s.state.keys.set({ session: { a: null } });
    expect(Object.keys(await s.state.keys.get('session', ['a', 'b']))).toEqual(['b']);
    await store.clear();
    expect(await store.readCreds()).toBeUndefined();
    expect(await s.state.keys.get('session', ['b'])).toEqual({});
    // The other session is untouched.
    const kept = await loadAuthState(createMongoWhatsAppAuthStore(db.conn(), 'default'));
    expect(kept.paired).toBe(true);
  });

  it('should write a full pre-key batch at once', async () => {
    const store = createMongoWhatsAppAuthStore(db.conn(), 'batch');
    const s = await loadAuthState(store);
    const batch: Record<string, { public: Buffer; private: Buffer }> = {};
    for (let i = 1; i <= 300; i++) batch[String(i)] = { public: randomBytes(32), private: randomBytes(32) };
    await s.state.keys.set({ 'pre-key': batch });
    const back = await s.state.keys.get('pre-key', Object.keys(batch));
    expect(Object.keys(back)).toHaveLength(300);
    expect(Buffer.compare(back['300']!.public, batch['300']!.public)).toBe(0);
    expect(initAuthCreds().me).toBeUndefined();
  });

  it('should write 150 keys in commands of at most 50 operations', async () => {
    const counting = await openCountingConnection(db.conn());
    try {
      const store = createMongoWhatsAppAuthStore(counting.conn, 'batched');
      const ids = Array.from({ length: 150 }, (_, i) => String(i + 1));
      await store.writeKeys(ids.map((id) => ({ type: 'pre-key', id, json: `{"k":${id}}` })));
      // 100 deleted and 50 rewritten in one call: deletes and updates batched alike.
      await store.writeKeys(
        ids.map((id, i) => ({ type: 'pre-key', id, json: i < 100 ? null : `{"k":"new-${id}"}` })),
      );
      expect(counting.opsPerCommand.length).toBeGreaterThanOrEqual(6);
      expect(Math.max(...counting.opsPerCommand)).toBeLessThanOrEqual(50);
      const back = await store.readKeys('pre-key', ids);
      expect([...back.keys()]).toEqual(ids.slice(100));
      expect(back.get('150')).toBe('{"k":"new-150"}');
    } finally {
      await counting.close();
    }
  });
});
