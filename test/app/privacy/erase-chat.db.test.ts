import { beforeAll, describe, expect, it } from '@jest/globals';
import type { MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { eraseChatData } from '../../../src/app/privacy/erase-chat.js';
import type { Flow } from '../../../src/catalog/flow-schema.js';
import type { Actor, ChatAddress } from '../../../src/domain/application.js';
import { intakeSettings } from '../../adapters/http/intake-support.js';
import { sequentialNumbers } from '../../adapters/mongo/fixtures.js';
import {
  ERASURE_CHAT,
  ERASURE_NIK,
  expectApplicationErased,
  finishedApplication,
  noteInAudit,
} from '../../support/application-erasure.js';
import { openRepositoriesWithLeases, useTestDatabase } from '../../support/db.js';
import {
  applicationListingKept,
  ERASURE_PHONE,
  expectHandoffErased,
  expectHandoffKept,
  handoffToErase,
} from '../../support/handoff-erasure.js';

/**
 * A citizen's approved deletion request erases the chat's finished applications and closed
 * handoffs by the same erasures retention uses: the same fixtures and the same checks as the
 * retention tests (test/app/officer/retention.db.test.ts, retention-handoffs.db.test.ts), only the
 * actor and the reason differ.
 */
const db = useTestDatabase('erase_chat');
const flows: ReadonlyMap<string, Flow> = (await intakeSettings()).catalog.flows;
const NOW = new Date('2027-06-01T03:00:00Z');
const OFFICER: Actor = { kind: 'officer', id: 'spv-1' };

let repos: MongoRepositories;

beforeAll(async () => {
  ({ repos } = await openRepositoriesWithLeases(db.conn()));
});

const erase = (chat: ChatAddress = { channel: 'whatsapp', chatId: ERASURE_PHONE }) =>
  eraseChatData({ ...repos, flows }, chat, { actor: OFFICER, requestId: 'req-1', at: NOW });

describe("a deletion request erases the chat's finished applications", () => {
  it('should erase a finished one as retention does, notes in its audit events too, and keep one in progress', async () => {
    const numbers = sequentialNumbers(8000);
    const done = await finishedApplication(repos, numbers, NOW, 'COMPLETED', 10);
    const open = await finishedApplication(repos, numbers, NOW, 'IN_REVIEW', 10);
    for (const app of [done, open]) await noteInAudit(repos, app);

    expect(await erase(ERASURE_CHAT)).toEqual({
      applicationsErased: 1,
      kept: [open.trackingNumber],
      handoffsErased: 0,
      documentsDeleted: 1,
    });

    await expectApplicationErased(repos, done, {
      actor: OFFICER,
      at: NOW,
      why: { deletionRequestId: 'req-1' },
    });
    const kept = await repos.applications.findById(open.id);
    expect(kept?.applicant.nik).toBe(ERASURE_NIK);
    expect(JSON.stringify(await repos.events.listForApplication(open.id))).toContain('Siti: NIK salah');
  });
});

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
