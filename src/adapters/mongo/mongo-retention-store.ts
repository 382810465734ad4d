import type { Connection } from 'mongoose';
import type { FieldCipher } from '../../ports/field-cipher.js';
import type { RetentionStore } from '../../ports/retention-store.js';
import { applicationToDomain } from './application-mapper.js';
import { applicationModel, type ApplicationRecord } from './application-model.js';

/** Statuses after which nothing more happens to an application: retention may start counting. */
const FINAL = ['COMPLETED', 'REJECTED', 'CANCELLED'];

/**
 * The retention query on the `applications` collection. A final application is never saved
 * again except by retention, so `updatedAt` is when it became final; the `{ status, ... }`
 * index narrows the scan to final statuses. `cipher` opens the sealed personal data that retention
 * then erases.
 */
export function createMongoRetentionStore(conn: Connection, cipher: FieldCipher): RetentionStore {
  const model = applicationModel(conn);
  return {
    async listErasable(finishedBefore, limit) {
      const rows = await model
        .find({ status: { $in: FINAL }, updatedAt: { $lt: finishedBefore }, erasedAt: { $exists: false } })
        .sort({ updatedAt: 1 })
        .limit(limit)
        .lean<ApplicationRecord[]>()
        .exec();
      return rows.map((r) => applicationToDomain(r, cipher));
    },
  };
}
