import { beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import type { NewHandoff } from '../../../src/ports/handoff-repository.js';
import { useTestDatabase } from '../../support/db.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('handoffs');
let repos: MongoRepositories;

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
});

const at = (min: number) => new Date(Date.UTC(2025, 2, 3, 2, min));

function handoff(chatId: string, overrides: Partial<NewHandoff> = {}): NewHandoff {
  return { channel: 'telegram', chatId, reason: 'asked', priority: false, createdAt: at(0), ...overrides };
}

describe('MongoHandoffRepository', () => {
  describe('.open', () => {
    it('should open a waiting ticket with its transcript', async () => {
      const line = { from: 'citizen' as const, text: 'Mau bicara dengan petugas', at: at(0) };
      const { ticket, created } = await repos.handoffs.open(
        handoff('o1', { citizenName: 'Siti', transcript: [line] }),
      );
      expect(created).toBe(true);
      expect(ticket).toMatchObject({
        status: 'waiting',
        chatId: 'o1',
        citizenName: 'Siti',
        transcript: [line],
      });
      expect(await repos.handoffs.get(ticket.id)).toEqual(ticket);
      expect(await repos.handoffs.findOpenByChat('telegram', 'o1')).toEqual(ticket);
    });

    it('should keep one open ticket per chat even when opened twice at once', async () => {
      const results = await Promise.all([1, 2, 3].map(() => repos.handoffs.open(handoff('o2'))));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.ticket.id)).size).toBe(1);
    });

    it('should open a new ticket after the previous one closed', async () => {
      const first = await repos.handoffs.open(handoff('o3'));
      expect(await repos.handoffs.close(first.ticket.id, at(5))).toMatchObject({
        status: 'closed',
        closedAt: at(5),
      });
      expect(await repos.handoffs.findOpenByChat('telegram', 'o3')).toBeUndefined();
      const second = await repos.handoffs.open(handoff('o3', { createdAt: at(6) }));
      expect(second.created).toBe(true);
      expect(second.ticket.id).not.toBe(first.ticket.id);
      // Closing twice changes nothing the second time.
      expect(await repos.handoffs.close(first.ticket.id, at(7))).toBeUndefined();
    });
  });

  describe('.claim', () => {
    it('should give a waiting ticket to exactly one of two officers claiming at once', async () => {
      const { ticket } = await repos.handoffs.open(handoff('c1'));
      const [a, b] = await Promise.all([
        repos.handoffs.claim(ticket.id, 'officer-a', at(1)),
        repos.handoffs.claim(ticket.id, 'officer-b', at(1)),
      ]);
      const winners = [a, b].filter((t) => t !== undefined);
      expect(winners).toHaveLength(1);
      const stored = await repos.handoffs.get(ticket.id);
      expect(stored).toMatchObject({ status: 'claimed', officerId: winners[0]?.officerId, claimedAt: at(1) });
    });

    it('should give each of 5 tickets to exactly one of 5 officers racing for all of them', async () => {
      const tickets = await Promise.all([1, 2, 3, 4, 5].map((i) => repos.handoffs.open(handoff(`race${i}`))));
      const officers = ['p1', 'p2', 'p3', 'p4', 'p5'];
      const claims = await Promise.all(
        tickets.flatMap(({ ticket }) => officers.map((o) => repos.handoffs.claim(ticket.id, o, at(2)))),
      );
      expect(claims.filter((c) => c !== undefined)).toHaveLength(5);
    });
  });

  describe('.release', () => {
    it('should put a claimed ticket back, but only for its own officer when named', async () => {
      const { ticket } = await repos.handoffs.open(handoff('r1'));
      await repos.handoffs.claim(ticket.id, 'officer-a', at(1));
      expect(await repos.handoffs.release(ticket.id, 'officer-b')).toBeUndefined();
      const released = await repos.handoffs.release(ticket.id, 'officer-a');
      expect(released?.status).toBe('waiting');
      expect(released).not.toHaveProperty('officerId');
      expect(await repos.handoffs.claim(ticket.id, 'officer-b', at(2))).toMatchObject({
        officerId: 'officer-b',
      });
    });
  });

  describe('.appendMessage', () => {
    it('should keep every line of concurrent appends and refuse a closed ticket', async () => {
      const { ticket } = await repos.handoffs.open(handoff('m1'));
      await Promise.all(
        ['satu', 'dua', 'tiga', 'empat'].map((text, i) =>
          repos.handoffs.appendMessage(ticket.id, { from: i % 2 ? 'officer' : 'citizen', text, at: at(i) }),
        ),
      );
      const stored = await repos.handoffs.get(ticket.id);
      expect(stored?.transcript.map((l) => l.text).sort()).toEqual(['dua', 'empat', 'satu', 'tiga']);
      await repos.handoffs.close(ticket.id, at(9));
      expect(
        await repos.handoffs.appendMessage(ticket.id, { from: 'citizen', text: 'halo?', at: at(10) }),
      ).toBeUndefined();
    });
  });

  describe('.listWaiting and .position', () => {
    it('should order the queue priority first, then oldest, and number places the same way', async () => {
      const office = 'queue-office';
      const q = (chatId: string, min: number, priority = false) =>
        repos.handoffs.open(handoff(chatId, { officeId: office, createdAt: at(min), priority }));
      const old = await q('q-old', 10);
      const young = await q('q-young', 20);
      const complaint = await q('q-pungli', 30, true);
      const claimed = await q('q-claimed', 5);
      await repos.handoffs.claim(claimed.ticket.id, 'x', at(31));

      const waiting = await repos.handoffs.listWaiting([office]);
      expect(waiting.map((t) => t.chatId)).toEqual(['q-pungli', 'q-old', 'q-young']);
      // Positions count the whole queue; in a fresh database this office's queue is the only one with those times.
      const all = await repos.handoffs.listWaiting();
      const place = (id: string) => all.findIndex((t) => t.id === id) + 1;
      expect(await repos.handoffs.position(complaint.ticket.id)).toBe(place(complaint.ticket.id));
      expect(await repos.handoffs.position(old.ticket.id)).toBe(place(old.ticket.id));
      expect(await repos.handoffs.position(young.ticket.id)).toBe(place(young.ticket.id));
      expect(await repos.handoffs.position(young.ticket.id)).toBeGreaterThan(
        (await repos.handoffs.position(old.ticket.id)) ?? Infinity,
      );
      expect(await repos.handoffs.position(claimed.ticket.id)).toBeUndefined();
    });
  });
});
