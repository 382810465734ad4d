import { describe, expect, it } from '@jest/globals';
import {
  countPerOfficeDay,
  daysLate,
  hourWeekdayBuckets,
  isFinishingEvent,
  isOverdueAt,
  median,
  officerTallies,
  percentile,
  processingStats,
  waitStats,
} from '../../../src/app/officer/metric-math.js';
import type { AuditEvent } from '../../../src/ports/event-log.js';

let seq = 0;
function ev(partial: Partial<AuditEvent> & { type: string }): AuditEvent {
  return {
    id: `e${++seq}`,
    actor: { kind: 'officer', id: 'budi' },
    at: new Date('2025-03-03T02:00:00Z'),
    ...partial,
  };
}

describe('metric math', () => {
  describe('median', () => {
    it('should take the middle of an odd count, whatever the order', () => {
      expect(median([5, 1, 3])).toBe(3);
    });
    it('should average the two middle values of an even count', () => {
      expect(median([4, 1, 3, 2])).toBe(2.5);
    });
    it('should answer null for no values and the value for one', () => {
      expect(median([])).toBeNull();
      expect(median([7])).toBe(7);
    });
    it('should not reorder the caller array', () => {
      const values = [3, 1, 2];
      median(values);
      expect(values).toEqual([3, 1, 2]);
    });
  });

  describe('percentile', () => {
    it('should use the nearest rank', () => {
      const ten = [10, 1, 2, 3, 4, 5, 6, 7, 8, 9];
      expect(percentile(ten, 90)).toBe(9);
      expect(percentile(ten, 100)).toBe(10);
      expect(percentile(ten, 0)).toBe(1);
      expect(percentile([], 90)).toBeNull();
    });
  });

  describe('overdue', () => {
    const due = new Date('2025-03-10T10:00:00Z');
    it('should count a working application past its due moment', () => {
      expect(isOverdueAt({ status: 'IN_REVIEW', slaDueAt: due }, new Date('2025-03-10T10:00:01Z'))).toBe(
        true,
      );
      expect(isOverdueAt({ status: 'NEEDS_REVISION', slaDueAt: due }, new Date('2025-03-11T00:00:00Z'))).toBe(
        true,
      );
    });
    it('should not count one exactly at its due moment or before', () => {
      expect(isOverdueAt({ status: 'SUBMITTED', slaDueAt: due }, due)).toBe(false);
      expect(isOverdueAt({ status: 'SUBMITTED', slaDueAt: due }, new Date('2025-03-09T00:00:00Z'))).toBe(
        false,
      );
    });
    it.each(['READY_FOR_PICKUP', 'COMPLETED', 'REJECTED', 'CANCELLED'] as const)(
      'should not count %s, where the office owes no more work',
      (status) => {
        expect(isOverdueAt({ status, slaDueAt: due }, new Date('2025-04-01T00:00:00Z'))).toBe(false);
      },
    );
    it('should count whole days late', () => {
      expect(daysLate(due, new Date('2025-03-10T09:00:00Z'))).toBe(0);
      expect(daysLate(due, new Date('2025-03-11T09:59:59Z'))).toBe(0);
      expect(daysLate(due, new Date('2025-03-13T10:00:00Z'))).toBe(3);
    });
  });

  describe('hourWeekdayBuckets', () => {
    it('should bucket by the Jakarta clock, not UTC', () => {
      // Sunday 2025-03-02 23:30 UTC is Monday 2025-03-03 06:30 WIB.
      const grid = hourWeekdayBuckets([
        new Date('2025-03-02T23:30:00Z'),
        new Date('2025-03-03T01:00:00Z'), // Monday 08:00 WIB
        new Date('2025-03-03T01:59:59Z'), // Monday 08:59 WIB
        new Date('2025-03-07T16:59:00Z'), // Friday 23:59 WIB
        new Date('2025-03-07T17:00:00Z'), // Saturday 00:00 WIB
      ]);
      expect(grid).toHaveLength(7);
      expect(grid.every((row) => row.length === 24)).toBe(true);
      expect(grid[1]![6]).toBe(1);
      expect(grid[1]![8]).toBe(2);
      expect(grid[0]![23]).toBe(0);
      expect(grid[5]![23]).toBe(1);
      expect(grid[6]![0]).toBe(1);
      expect(grid.flat().reduce((a, b) => a + b, 0)).toBe(5);
    });
  });

  describe('countPerOfficeDay', () => {
    it('should count submissions per office and Jakarta day, sorted', () => {
      const rows = countPerOfficeDay([
        ev({ type: 'application.submitted', officeId: 'B', at: new Date('2025-03-03T18:00:00Z') }), // 4 Mar WIB
        ev({ type: 'application.submitted', officeId: 'A', at: new Date('2025-03-03T16:59:00Z') }), // 3 Mar WIB
        ev({ type: 'application.submitted', officeId: 'A', at: new Date('2025-03-03T02:00:00Z') }),
        ev({ type: 'application.submitted', officeId: 'A', at: new Date('2025-03-03T17:00:00Z') }), // 4 Mar WIB
        ev({ type: 'handoff.opened', officeId: 'A' }),
      ]);
      expect(rows).toEqual([
        { officeId: 'A', date: '2025-03-03', count: 2 },
        { officeId: 'A', date: '2025-03-04', count: 1 },
        { officeId: 'B', date: '2025-03-04', count: 1 },
      ]);
    });
  });

  describe('officerTallies', () => {
    it('should give a point per completed application and per distinct claimed conversation', () => {
      const tallies = officerTallies([
        ev({ type: 'application.status_changed', after: { status: 'COMPLETED' } }),
        ev({ type: 'application.status_changed', after: { status: 'APPROVED' } }),
        ev({ type: 'handoff.claimed', data: { handoffId: 'h1' } }),
        ev({ type: 'handoff.claimed', data: { handoffId: 'h1' } }),
        ev({ type: 'handoff.claimed', data: { handoffId: 'h2' }, actor: { kind: 'officer', id: 'sari' } }),
        ev({
          type: 'application.status_changed',
          after: { status: 'COMPLETED' },
          actor: { kind: 'citizen', id: 'x' },
        }),
      ]);
      expect(tallies).toEqual([
        { officerId: 'budi', completed: 1, conversations: 1, points: 2 },
        { officerId: 'sari', completed: 0, conversations: 1, points: 1 },
      ]);
    });
  });

  describe('processing time against the SLA', () => {
    it('should report the median hours taken and allowed and who finished on time', () => {
      const submittedAt = new Date('2025-03-03T02:00:00Z');
      const slaDueAt = new Date('2025-03-05T02:00:00Z'); // 48 h allowed
      const stats = processingStats([
        { submittedAt, slaDueAt, finishedAt: new Date('2025-03-03T12:00:00Z') }, // 10 h
        { submittedAt, slaDueAt, finishedAt: new Date('2025-03-04T02:00:00Z') }, // 24 h
        { submittedAt, slaDueAt, finishedAt: new Date('2025-03-06T02:00:00Z') }, // 72 h, late
      ]);
      expect(stats).toEqual({ finished: 3, medianHours: 24, medianSlaHours: 48, withinSla: 2, late: 1 });
      expect(processingStats([])).toEqual({
        finished: 0,
        medianHours: null,
        medianSlaHours: null,
        withinSla: 0,
        late: 0,
      });
    });

    it('should treat ready-for-pickup, rejection and direct completion as finishing, not the pickup itself', () => {
      const change = (from: string, to: string) =>
        ev({ type: 'application.status_changed', before: { status: from }, after: { status: to } });
      expect(isFinishingEvent(change('APPROVED', 'READY_FOR_PICKUP'))).toBe(true);
      expect(isFinishingEvent(change('IN_REVIEW', 'REJECTED'))).toBe(true);
      expect(isFinishingEvent(change('APPROVED', 'COMPLETED'))).toBe(true);
      expect(isFinishingEvent(change('READY_FOR_PICKUP', 'COMPLETED'))).toBe(false);
      expect(isFinishingEvent(change('SUBMITTED', 'IN_REVIEW'))).toBe(false);
      expect(isFinishingEvent(ev({ type: 'handoff.claimed', after: { status: 'COMPLETED' } }))).toBe(false);
    });
  });

  describe('waitStats', () => {
    it('should summarise claim waiting times in minutes', () => {
      const claimed = (minutes: number) =>
        ev({ type: 'handoff.claimed', data: { waitedMs: minutes * 60_000 } });
      expect(waitStats([claimed(2), claimed(4), claimed(30), ev({ type: 'handoff.closed' })])).toEqual({
        claimed: 3,
        medianMinutes: 4,
        p90Minutes: 30,
        maxMinutes: 30,
      });
    });
  });
});
