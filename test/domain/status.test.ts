import { describe, expect, it } from '@jest/globals';
import type { Actor, Application, ApplicationStatus } from '../../src/domain/application.js';
import { STATUSES } from '../../src/domain/application.js';
import {
  InvalidTransitionError,
  MissingReasonError,
  allowedNext,
  canTransition,
  changeStatus,
  describeStatus,
  isFinal,
} from '../../src/domain/status.js';

const citizen: Actor = { kind: 'citizen', id: 'telegram:42' };
const officer: Actor = { kind: 'officer', id: 'off-1' };
const system: Actor = { kind: 'system', id: 'sla' };
const created = new Date('2026-03-02T02:00:00Z');
const later = new Date('2026-03-03T03:00:00Z');

function application(status: ApplicationStatus = 'SUBMITTED'): Application {
  return {
    id: 'app-1',
    trackingNumber: 'PTSP-2603-K7QX4',
    serviceId: 'ktp',
    applicant: { name: 'Siti', nik: '3171014501900001' },
    answers: {},
    documents: [],
    officeId: '31.71.01.1001',
    status,
    statusHistory: [{ from: null, to: 'SUBMITTED', at: created, by: citizen }],
    createdAt: created,
    updatedAt: created,
    slaDueAt: new Date('2026-03-06T08:00:00Z'),
    version: 1,
  };
}

/** The whole lifecycle as a table: every allowed (from, to, actor kind); everything else is refused. */
const ALLOWED: ReadonlyArray<[ApplicationStatus, ApplicationStatus, Actor['kind']]> = [
  ['SUBMITTED', 'IN_REVIEW', 'officer'],
  ['SUBMITTED', 'CANCELLED', 'citizen'],
  ['IN_REVIEW', 'NEEDS_REVISION', 'officer'],
  ['IN_REVIEW', 'APPROVED', 'officer'],
  ['IN_REVIEW', 'REJECTED', 'officer'],
  ['IN_REVIEW', 'CANCELLED', 'citizen'],
  ['NEEDS_REVISION', 'IN_REVIEW', 'citizen'],
  ['NEEDS_REVISION', 'IN_REVIEW', 'officer'],
  ['NEEDS_REVISION', 'REJECTED', 'officer'],
  ['NEEDS_REVISION', 'CANCELLED', 'citizen'],
  ['APPROVED', 'READY_FOR_PICKUP', 'officer'],
  ['READY_FOR_PICKUP', 'COMPLETED', 'officer'],
];

describe('canTransition', () => {
  const actors = [citizen, officer, system];
  for (const from of STATUSES) {
    for (const to of STATUSES) {
      for (const actor of actors) {
        const expected = ALLOWED.some(([f, t, k]) => f === from && t === to && k === actor.kind);
        it(`should ${expected ? 'allow' : 'refuse'} ${from} -> ${to} by ${actor.kind}`, () => {
          expect(canTransition(from, to, actor)).toBe(expected);
        });
      }
    }
  }
});

describe('allowedNext', () => {
  it('should offer an officer the review decisions', () => {
    expect(allowedNext('IN_REVIEW', officer).sort()).toEqual(['APPROVED', 'NEEDS_REVISION', 'REJECTED']);
  });

  it('should offer a citizen only cancelling before approval', () => {
    expect(allowedNext('SUBMITTED', citizen)).toEqual(['CANCELLED']);
    expect(allowedNext('IN_REVIEW', citizen)).toEqual(['CANCELLED']);
    expect(allowedNext('APPROVED', citizen)).toEqual([]);
  });

  it('should offer nothing after a final status', () => {
    for (const s of ['COMPLETED', 'REJECTED', 'CANCELLED'] as const)
      expect(allowedNext(s, officer)).toEqual([]);
  });
});

describe('isFinal', () => {
  it('should be true exactly for COMPLETED, REJECTED and CANCELLED', () => {
    expect(STATUSES.filter(isFinal)).toEqual(['COMPLETED', 'REJECTED', 'CANCELLED']);
  });
});

describe('describeStatus', () => {
  it('should say IN_REVIEW in plain Indonesian and English', () => {
    expect(describeStatus('IN_REVIEW', 'id')).toBe('Sedang diperiksa petugas');
    expect(describeStatus('IN_REVIEW', 'en')).toBe('Being checked by an officer');
  });

  it('should have distinct words for every status in both languages', () => {
    for (const lang of ['id', 'en'] as const) {
      const words = STATUSES.map((s) => describeStatus(s, lang));
      expect(new Set(words).size).toBe(STATUSES.length);
      for (const w of words) expect(w).not.toMatch(/_|^[A-Z_]+$/);
    }
  });
});

describe('changeStatus', () => {
  it('should append who, when and the note to the history and set updatedAt', () => {
    const app = application();
    const next = changeStatus(app, 'IN_REVIEW', { by: officer, at: later, note: 'berkas lengkap' });
    expect(next.status).toBe('IN_REVIEW');
    expect(next.updatedAt).toBe(later);
    expect(next.statusHistory).toHaveLength(2);
    expect(next.statusHistory[1]).toEqual({
      from: 'SUBMITTED',
      to: 'IN_REVIEW',
      at: later,
      by: officer,
      note: 'berkas lengkap',
    });
  });

  it('should leave the input untouched', () => {
    const app = application();
    changeStatus(app, 'IN_REVIEW', { by: officer, at: later });
    expect(app.status).toBe('SUBMITTED');
    expect(app.statusHistory).toHaveLength(1);
    expect(app.updatedAt).toBe(created);
  });

  it('should omit the note when none is given', () => {
    const next = changeStatus(application(), 'IN_REVIEW', { by: officer, at: later });
    expect(next.statusHistory[1]).not.toHaveProperty('note');
  });

  it('should walk the whole happy path with revisions in between', () => {
    let app = application();
    app = changeStatus(app, 'IN_REVIEW', { by: officer, at: later });
    for (let i = 0; i < 2; i++) {
      app = changeStatus(app, 'NEEDS_REVISION', {
        by: officer,
        at: later,
        revision: { stepId: 'foto_kk', note: 'Foto KK buram' },
      });
      app = changeStatus(app, 'IN_REVIEW', { by: citizen, at: later });
    }
    app = changeStatus(app, 'APPROVED', { by: officer, at: later });
    app = changeStatus(app, 'READY_FOR_PICKUP', { by: officer, at: later });
    app = changeStatus(app, 'COMPLETED', { by: officer, at: later });
    expect(app.statusHistory.map((c) => c.to)).toEqual([
      'SUBMITTED',
      'IN_REVIEW',
      'NEEDS_REVISION',
      'IN_REVIEW',
      'NEEDS_REVISION',
      'IN_REVIEW',
      'APPROVED',
      'READY_FOR_PICKUP',
      'COMPLETED',
    ]);
  });

  it('should throw InvalidTransitionError with from, to and an Indonesian message', () => {
    const app = application('REJECTED');
    let error: unknown;
    try {
      changeStatus(app, 'APPROVED', { by: officer, at: later });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidTransitionError);
    const e = error as InvalidTransitionError;
    expect(e.name).toBe('InvalidTransitionError');
    expect(e.from).toBe('REJECTED');
    expect(e.to).toBe('APPROVED');
    expect(e.actor).toBe('officer');
    expect(e.message).toContain('Status tidak dapat diubah dari "Ditolak" ke "Disetujui, sedang disiapkan"');
  });

  it('should refuse an officer cancelling and a citizen approving', () => {
    expect(() => changeStatus(application('IN_REVIEW'), 'CANCELLED', { by: officer, at: later })).toThrow(
      InvalidTransitionError,
    );
    expect(() => changeStatus(application('IN_REVIEW'), 'APPROVED', { by: citizen, at: later })).toThrow(
      InvalidTransitionError,
    );
  });

  it('should refuse a citizen cancelling after approval', () => {
    expect(() => changeStatus(application('APPROVED'), 'CANCELLED', { by: citizen, at: later })).toThrow(
      InvalidTransitionError,
    );
  });

  it('should require a reason to reject and store it', () => {
    const app = application('IN_REVIEW');
    for (const reason of [undefined, '', '   ']) {
      let error: unknown;
      try {
        changeStatus(app, 'REJECTED', {
          by: officer,
          at: later,
          ...(reason === undefined ? {} : { reason }),
        });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(MissingReasonError);
      expect((error as MissingReasonError).name).toBe('MissingReasonError');
      expect((error as MissingReasonError).field).toBe('reason');
    }
    const rejected = changeStatus(app, 'REJECTED', {
      by: officer,
      at: later,
      reason: ' Bukan warga kelurahan ini ',
    });
    expect(rejected.rejectionReason).toBe('Bukan warga kelurahan ini');
    expect(rejected.statusHistory.at(-1)?.note).toBe('Bukan warga kelurahan ini');
  });

  it('should require a revision with step and note, and store it', () => {
    const app = application('IN_REVIEW');
    expect(() => changeStatus(app, 'NEEDS_REVISION', { by: officer, at: later })).toThrow(MissingReasonError);
    expect(() =>
      changeStatus(app, 'NEEDS_REVISION', {
        by: officer,
        at: later,
        revision: { stepId: 'foto_kk', note: ' ' },
      }),
    ).toThrow(MissingReasonError);
    const next = changeStatus(app, 'NEEDS_REVISION', {
      by: officer,
      at: later,
      revision: { stepId: 'foto_kk', note: 'Foto KK buram' },
    });
    expect(next.revision).toEqual({ stepId: 'foto_kk', note: 'Foto KK buram' });
    expect(next.statusHistory.at(-1)?.note).toBe('Foto KK buram');
  });

  it('should clear the revision when leaving NEEDS_REVISION', () => {
    const waiting = changeStatus(application('IN_REVIEW'), 'NEEDS_REVISION', {
      by: officer,
      at: later,
      revision: { stepId: 'foto_kk', note: 'Foto KK buram' },
    });
    const back = changeStatus(waiting, 'IN_REVIEW', { by: citizen, at: later });
    expect(back).not.toHaveProperty('revision');
    const cancelled = changeStatus(waiting, 'CANCELLED', { by: citizen, at: later });
    expect(cancelled).not.toHaveProperty('revision');
  });
});
