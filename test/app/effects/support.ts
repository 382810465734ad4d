import { readFileSync } from 'node:fs';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import type { EffectContext, EffectDeps } from '../../../src/app/effects/effect-deps.js';
import type { InboundMessage } from '../../../src/app/inbound.js';
import { loadCatalog } from '../../../src/catalog/load.js';
import { createLogger } from '../../../src/config/logger.js';
import type { UploadedFile } from '../../../src/dialogue/types.js';
import type { DbConnection } from '../../../src/adapters/mongo/connection.js';
import { stubKelurahan } from '../../catalog/support/stub-kelurahan.js';
import { pseudonymousCitizens } from '../../../src/app/citizen-actor.js';
import { testCipher } from '../../support/cipher.js';

/** A Monday morning in Jakarta, office hours (tests that need another time pass their own). */
export const MONDAY_MORNING = new Date('2026-11-23T02:00:00Z');

/** The effects' dependencies on the real repositories of `conn` and the real catalog. */
export async function openEffectDeps(conn: DbConnection): Promise<EffectDeps & { repos: MongoRepositories }> {
  const repos = createMongoRepositories(conn, testCipher);
  await repos.ensureIndexes();
  return {
    repos,
    catalog: await loadCatalog({ kelurahan: stubKelurahan }),
    applications: repos.applications,
    events: repos.events,
    handoffs: repos.handoffs,
    officers: repos.officers,
    satisfaction: repos.satisfaction,
    statusProofs: repos.statusProofs,
    documents: repos.documents,
    deletionRequests: repos.deletionRequests,
    logger: createLogger('silent'),
    trackingPrefix: 'PTSP',
    holidays: [],
    citizenActorId: pseudonymousCitizens(testCipher),
  };
}

let seq = 0;

/** A Telegram text message of `chatId` (a fresh message id each), as the effect's turn. */
export function turn(
  chatId: string,
  at: Date = MONDAY_MORNING,
  extra: Partial<InboundMessage> = {},
): EffectContext {
  const msg: InboundMessage = {
    channel: 'telegram',
    chatId,
    messageId: `m${++seq}`,
    at,
    content: { kind: 'text', text: 'ya' },
    ...extra,
  };
  return { msg, state: { lang: 'id', consent: true, mode: 'bot', misunderstood: 0 } };
}

/** Stores a pending upload of `chatId`, as the inbound use case does before the engine sees it. */
export async function upload(deps: Pick<EffectDeps, 'documents'>, chatId: string): Promise<UploadedFile> {
  const bytes = readFileSync(new URL('../../fixtures/files/foto-kk.png', import.meta.url));
  const put = await deps.documents.put({
    bytes,
    filename: 'foto-kk.png',
    owner: { channel: 'telegram', chatId },
    maxBytes: 1_000_000,
    allowedTypes: ['image/png'],
  });
  if (!put.ok) throw new Error(`refused: ${put.reason}`);
  return put.file;
}

/** The pseudonymous actor id the effects give the citizen of `chatId` (a Telegram chat). */
export function citizenId(chatId: string, channel: 'telegram' | 'whatsapp' = 'telegram'): string {
  return pseudonymousCitizens(testCipher)({ channel, chatId });
}
