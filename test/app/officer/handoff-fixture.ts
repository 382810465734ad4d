import type { MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import type { HandoffDeps } from '../../../src/app/officer/handoff-deps.js';
import type { NewHandoff } from '../../../src/ports/handoff-repository.js';
import { at, recordingPush } from './support.js';

let chat = 0;

/** Opens a waiting ticket on a fresh chat in Gambir. */
export async function waitingTicket(repos: MongoRepositories, overrides: Partial<NewHandoff> = {}) {
  chat++;
  const { ticket } = await repos.handoffs.open({
    channel: 'telegram',
    chatId: `77${chat}`,
    citizenName: 'Siti',
    reason: 'asked',
    priority: false,
    officeId: '31.71.01.1001',
    createdAt: new Date('2025-03-04T02:00:00.000Z'),
    ...overrides,
  });
  return ticket;
}

/** Handoff use-case deps on the test database with a recording push. */
export function handoffDeps(
  repos: MongoRepositories,
  fail = false,
): HandoffDeps & { push: ReturnType<typeof recordingPush> } {
  return { ...repos, push: recordingPush(fail), now: at('2025-03-04T02:05:00.000Z') };
}
