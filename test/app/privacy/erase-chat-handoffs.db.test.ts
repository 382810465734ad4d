import { beforeAll, describe, expect, it } from '@jest/globals';
import type { MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { eraseChatData } from '../../../src/app/privacy/erase-chat.js';
import type { Actor } from '../../../src/domain/application.js';
import { sequentialNumbers } from '../../adapters/mongo/fixtures.js';
import { openRepositoriesWithLeases, useTestDatabase } from '../../support/db.js';
import {
  applicationListingKept,
  ERASURE_PHONE,
  expectHandoffErased,
  expectHandoffKept,
  handoffToErase,
} from '../../support/handoff-erasure.js';

/**
 * A citizen's approved deletion request erases the chat's closed handoffs by the same erasure
 * retention uses: the same fixture and the same check as the retention test
 * (test/app/officer/retention-handoffs.db.test.ts), only the actor and the reason differ.
 */
const db = useTestDatabase('erase_chat_handoffs');
const NOW = new Date('2027-06-01T03:00:00Z');
const OFFICER: Actor = { kind: 'officer', id: 'spv-1' };

let repos: MongoRepositories;

beforeAll(async () => {
  ({ repos } = await openRepositoriesWithLeases(db.conn()));
});

const erase = () =>
  eraseChatData(
    { ...repos, flows: new Map() },
    { channel: 'whatsapp', chatId: ERASURE_PHONE },
    { actor: OFFICER, requestId: 'req-1', at: NOW },
  );

describe("a deletion request erases the chat's closed handoffs", () => {
  it('should erase a closed one as retention does, audited with the officer and the request, and leave the open one', async () => {
    const closed = await handoffToErase(repos, NOW, 10);
    const open = await handoffToErase(repos, NOW, null);
    // In progress: the deletion keeps it, and the file it lists goes to it rather than away.
    const app = await applicationListingKept(repos, closed, sequentialNumbers(8100));

    expect(await erase()).toEqual({
      applicationsErased: 0,
      kept: [app.trackingNumber],
      handoffsErased: 1,
      documentsDeleted: 1,
    });

    await expectHandoffErased(db.conn(), repos, closed, {
      actor: OFFICER,
      at: NOW,
      why: { deletionRequestId: 'req-1' },
      applicationId: app.id,
    });
    await expectHandoffKept(repos, open);

    // Once only: the erased ticket no longer leads to the chat.
    expect(await erase()).toMatchObject({ handoffsErased: 0, documentsDeleted: 0 });
  });
});
