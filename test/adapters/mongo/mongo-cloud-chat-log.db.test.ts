import { beforeAll, describe, expect, it } from '@jest/globals';
import { createAesGcmCipher } from '../../../src/adapters/crypto/aes-gcm-cipher.js';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { useTestDatabase } from '../../support/db.js';
import { scanRawCollections } from '../../support/raw-scan.js';

const db = useTestDatabase('cloud_chats');
const A = Buffer.alloc(32, 1);
const B = Buffer.alloc(32, 2);
let underA: MongoRepositories;
let underBwithA: MongoRepositories;

beforeAll(async () => {
  underA = createMongoRepositories(db.conn(), createAesGcmCipher(A));
  await underA.ensureIndexes();
  underBwithA = createMongoRepositories(db.conn(), createAesGcmCipher(B, [A]));
});

const at = (hour: number) => new Date(Date.UTC(2026, 11, 7, hour));

describe('MongoCloudChatLog', () => {
  it('should keep the latest message time and the first new-number notice, never the number', async () => {
    const n = '6281200009001';
    expect(await underA.cloudChats.marks(n)).toEqual({});
    await underA.cloudChats.wrote(n, at(5));
    await underA.cloudChats.wrote(n, at(3));
    await underA.cloudChats.toldNewNumber(n, at(6));
    await underA.cloudChats.toldNewNumber(n, at(8));
    expect(await underA.cloudChats.marks(n)).toEqual({ lastInboundAt: at(5), newNumberToldAt: at(6) });
    expect(await underA.cloudChats.marks('6281200009002')).toEqual({});
    expect(await scanRawCollections(db.conn(), [n, n.slice(2)])).toEqual([]);
  });

  it('should find a number marked under an older key, and move it to the current key when written', async () => {
    const n = '6281200009003';
    await underA.cloudChats.toldNewNumber(n, at(2));
    expect(await underBwithA.cloudChats.marks(n)).toEqual({ newNumberToldAt: at(2) });
    await underBwithA.cloudChats.wrote(n, at(4));
    expect(await db.conn().collection('wa_cloud_chats').countDocuments({})).toBe(2);
    expect(await underBwithA.cloudChats.marks(n)).toEqual({ lastInboundAt: at(4), newNumberToldAt: at(2) });
  });

  it('should forget numbers with no mark since the retention date', async () => {
    const gone = await underA.cloudChats.forgetIdleBefore(at(5));
    expect(gone).toBe(1);
    expect(await underA.cloudChats.marks('6281200009001')).toEqual({
      lastInboundAt: at(5),
      newNumberToldAt: at(6),
    });
  });
});
