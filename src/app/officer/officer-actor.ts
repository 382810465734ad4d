import type { Actor } from '../../domain/application.js';
import type { Officer } from '../../ports/officer-repository.js';

/** The signed-in officer as use cases need it: never the password hash or tokens. */
export type OfficerActor = Pick<Officer, 'id' | 'username' | 'displayName' | 'role' | 'officeId'> &
  Pick<Partial<Officer>, 'agencyId'>;

/** The audit/status-history actor for an officer. */
export function actorOf(officer: OfficerActor): Actor {
  return { kind: 'officer', id: officer.id };
}
