import type { Application } from '../domain/application.js';

/**
 * Finds the applications whose personal data is due for erasure. Separate from the
 * application repository because only the retention job asks this question.
 */
export interface RetentionStore {
  /**
   * Completed, rejected or cancelled applications last changed before `finishedBefore` whose
   * personal data is not erased yet, oldest first, at most `limit`.
   */
  listErasable(finishedBefore: Date, limit: number): Promise<Application[]>;
}
