/**
 * Why an officer action was refused, in words the HTTP layer maps to a status in one place
 * (ddd-forum's habit) and the console shows as is: the message is Indonesian first.
 */
export type OfficerErrorCode = 'not_found' | 'forbidden' | 'conflict' | 'invalid' | 'unauthorized';

/** One error class for every refusal of an officer use case; `fields` names bad inputs by path. */
export class OfficerActionError extends Error {
  override readonly name = 'OfficerActionError';
  constructor(
    readonly code: OfficerErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}
