/**
 * Officers at work during the run: an account with an API token (made directly in the database,
 * as `npm run officer:create` does), moving every Telegram citizen's application through review
 * to completion over the HTTP API while Loket is being killed. A request that fails (Loket down,
 * the database stuck) is retried after reading the application again, so a change whose answer
 * was lost is not made twice.
 */
import { openConnection } from '../../src/adapters/mongo/connection.js';
import { createMongoRepositories } from '../../src/adapters/mongo/repositories.js';
import { issueApiToken } from '../../src/app/officer/api-tokens.js';
import { createOfficer } from '../../src/app/officer/create-officer.js';
import type { ApplicationStatus } from '../../src/domain/application.js';
import { chaosCipher } from './stack.js';

/** The officer's path for every application. */
export const PATH: readonly ApplicationStatus[] = [
  'SUBMITTED',
  'IN_REVIEW',
  'APPROVED',
  'READY_FOR_PICKUP',
  'COMPLETED',
];

/** One status change an officer set out to make. */
export interface StatusChangeRecord {
  tracking: string;
  chatId: string;
  to: ApplicationStatus;
  /** The API answered 200 for it (otherwise it was found done on a re-read, or never made). */
  confirmed: boolean;
  done: boolean;
}

/** Makes an officer for the whole province and returns a bearer token for the API. */
export async function makeOfficerToken(mongoUri: string): Promise<string> {
  const conn = await openConnection(mongoUri);
  try {
    const repos = createMongoRepositories(conn, chaosCipher);
    await repos.ensureIndexes();
    const deps = {
      officers: repos.officers,
      apiTokens: repos.apiTokens,
      events: repos.events,
      now: () => new Date(),
    };
    const system = { kind: 'system' as const, id: 'chaos' };
    const officer = await createOfficer(
      deps,
      {
        username: 'chaos.officer',
        displayName: 'Petugas Chaos',
        password: 'chaos-officer-password-1',
        role: 'officer',
        officeId: '31',
      },
      system,
    );
    return await issueApiToken(deps, officer);
  } finally {
    await conn.close();
  }
}

interface AppView {
  id: string;
  status: ApplicationStatus;
  version: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The officers' side of the run: one task per application, each change retried until made. */
export class Officers {
  readonly changes: StatusChangeRecord[] = [];
  private readonly tasks: Promise<void>[] = [];
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly random: () => number,
    private readonly pauseMs: number,
  ) {}

  /** Starts moving the application with this tracking number along PATH. */
  take(tracking: string, chatId: string): void {
    this.tasks.push(this.work(tracking, chatId));
  }

  /** Resolves when every change was made (or given up at `deadline`). */
  async done(): Promise<void> {
    await Promise.all(this.tasks);
  }

  /** Set by the driver: after this time a change that still fails is given up. */
  deadline = Infinity;

  private async work(tracking: string, chatId: string): Promise<void> {
    for (let i = 1; i < PATH.length; i++) {
      await sleep(500 + this.random() * this.pauseMs);
      const rec: StatusChangeRecord = { tracking, chatId, to: PATH[i]!, confirmed: false, done: false };
      this.changes.push(rec);
      await this.change(rec, PATH[i - 1]!);
      if (!rec.done) return;
    }
  }

  private async change(rec: StatusChangeRecord, from: ApplicationStatus): Promise<void> {
    while (Date.now() < this.deadline) {
      try {
        const app = await this.find(rec.tracking);
        if (app && PATH.indexOf(app.status) >= PATH.indexOf(rec.to)) {
          rec.done = true;
          return;
        }
        if (app && app.status === from) {
          const res = await this.call('POST', `/api/applications/${app.id}/status`, {
            to: rec.to,
            version: app.version,
          });
          if (res.status === 200) {
            rec.confirmed = rec.done = true;
            return;
          }
        }
      } catch {
        // Loket is down or the database is stuck: read again and retry.
      }
      await sleep(1000);
    }
  }

  private async find(tracking: string): Promise<AppView | undefined> {
    const res = await this.call('GET', `/api/applications?q=${encodeURIComponent(tracking)}`);
    if (res.status !== 200) throw new Error(`GET applications: ${res.status}`);
    const body = (await res.json()) as { items: Array<AppView & { trackingNumber: string }> };
    return body.items.find((a) => a.trackingNumber === tracking);
  }

  private call(method: string, url: string, body?: unknown): Promise<Response> {
    return fetch(this.baseUrl + url, {
      method,
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(15_000),
    });
  }
}
