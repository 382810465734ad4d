import { describe, expect, it } from '@jest/globals';
import { countOutcomes } from '../../../src/app/officer/handoff-outcomes.js';
import type { AuditEvent } from '../../../src/ports/event-log.js';

const ev = (type: string, resolution?: unknown): AuditEvent => ({
  id: 'e',
  type,
  actor: { kind: 'officer', id: 'o' },
  at: new Date('2025-03-04T02:00:00Z'),
  data: resolution === undefined ? {} : { resolution },
});

describe('countOutcomes', () => {
  it('should count each resolution and hand-backs, ignoring other events and unknown values', () => {
    expect(
      countOutcomes([
        ev('handoff.closed', 'answered'),
        ev('handoff.closed', 'answered'),
        ev('handoff.closed', 'no_response'),
        ev('handoff.handed_back', 'handed_back'),
        ev('handoff.closed'),
        ev('handoff.closed', 'toString'),
        ev('handoff.claimed', 'answered'),
      ]),
    ).toEqual({ answered: 2, application_filed: 0, referred: 0, no_response: 1, handed_back: 1 });
  });
});
