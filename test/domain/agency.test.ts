import { describe, expect, it } from '@jest/globals';
import {
  AgencyStepError,
  agencyStepOverdue,
  agencyWait,
  answerAgencyStep,
  forwardToAgency,
  openAgencyStep,
} from '../../src/domain/agency.js';
import type { Application } from '../../src/domain/application.js';

function wib(local: string): Date {
  return new Date(`${local}+07:00`);
}

// Monday 16 Feb 2026 and Tuesday 17 Feb 2026 (Imlek and a cuti bersama in this test's calendar).
const calendar = { holidays: ['2026-02-16', '2026-02-17'] };

function app(over: Partial<Application> = {}): Application {
  const at = wib('2026-02-12T09:00');
  return {
    id: 'a1',
    trackingNumber: 'PBG-2026-ABCDE',
    serviceId: 'pbg',
    applicant: { name: 'Siti', nik: '3171010101900001' },
    answers: {},
    documents: [],
    officeId: '31.71.01.1001',
    status: 'IN_REVIEW',
    statusHistory: [],
    createdAt: at,
    updatedAt: at,
    slaDueAt: wib('2026-03-30T15:00'),
    version: 3,
    ...over,
  };
}

const forward = (a: Application, at: Date, slaDays = 5) =>
  forwardToAgency(a, {
    agencyId: 'dinas_pupr',
    slaDays,
    note: 'Mohon pemeriksaan teknis',
    at,
    by: 'o1',
    calendar,
  });

describe('agency steps', () => {
  it('should count the step SLA in working days over weekends and holidays', () => {
    // Thursday 12 Feb 10:00: day 1 Thu, 2 Fri, (weekend, two holidays) 3 Wed, 4 Thu, 5 Fri 20 Feb.
    const next = forward(app(), wib('2026-02-12T10:00'));
    const step = openAgencyStep(next);
    expect(step?.slaDueAt).toEqual(wib('2026-02-20T15:00'));
    expect(next.slaDueAt).toEqual(app().slaDueAt);
    expect(agencyWait(step!, wib('2026-02-18T11:00'), calendar)).toEqual({ day: 3, of: 5, late: false });
    expect(agencyWait(step!, wib('2026-02-17T11:00'), calendar)).toEqual({ day: 2, of: 5, late: false });
    expect(agencyWait(step!, wib('2026-02-23T09:00'), calendar)).toEqual({ day: 6, of: 5, late: true });
  });

  it('should start counting on the next working day when forwarded after closing', () => {
    const step = openAgencyStep(forward(app(), wib('2026-02-13T16:00'), 1))!;
    expect(step.slaDueAt).toEqual(wib('2026-02-18T15:00'));
    expect(agencyWait(step, wib('2026-02-14T10:00'), calendar).day).toBe(1);
  });

  it('should keep one open step at a time and stop the count at the answer', () => {
    const forwarded = forward(app(), wib('2026-02-12T10:00'));
    expect(() => forward(forwarded, wib('2026-02-12T11:00'))).toThrow(AgencyStepError);
    const answered = answerAgencyStep(forwarded, {
      outcome: 'done',
      note: 'Memenuhi syarat teknis',
      at: wib('2026-02-18T10:00'),
      by: 'o2',
    });
    expect(openAgencyStep(answered)).toBeUndefined();
    const step = answered.agencySteps![0]!;
    expect(step).toMatchObject({ outcome: 'done', answerNote: 'Memenuhi syarat teknis', answeredBy: 'o2' });
    expect(agencyWait(step, wib('2026-03-30T10:00'), calendar)).toEqual({ day: 3, of: 5, late: false });
    expect(() => answerAgencyStep(answered, { outcome: 'done', note: '', at: new Date(), by: 'o2' })).toThrow(
      AgencyStepError,
    );
    expect(openAgencyStep(forward(answered, wib('2026-02-19T10:00')))).toBeDefined();
  });

  it('should refuse to forward a finished application, one waiting on the citizen, or an empty note', () => {
    expect(() => forward(app({ status: 'COMPLETED' }), new Date())).toThrow(AgencyStepError);
    expect(() => forward(app({ status: 'NEEDS_REVISION' }), new Date())).toThrow(AgencyStepError);
    expect(() =>
      forwardToAgency(app(), { agencyId: 'x', slaDays: 2, note: '  ', at: new Date(), by: 'o', calendar }),
    ).toThrow(AgencyStepError);
  });

  it('should find an open step over its SLA once', () => {
    const forwarded = forward(app(), wib('2026-02-12T10:00'));
    expect(agencyStepOverdue(forwarded, wib('2026-02-20T14:00'))).toBeUndefined();
    const late = agencyStepOverdue(forwarded, wib('2026-02-20T15:01'));
    expect(late?.agencyId).toBe('dinas_pupr');
    const marked: Application = {
      ...forwarded,
      agencySteps: [{ ...late!, overdueNoticeAt: wib('2026-02-20T15:01') }],
    };
    expect(agencyStepOverdue(marked, wib('2026-02-23T10:00'))).toBeUndefined();
  });
});
