import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { CHANNELS } from '../../domain/application.js';
import { modelOn } from './mongo-utils.js';

/** A handoff ticket as stored. */
export interface HandoffRecord {
  _id: Types.ObjectId;
  /**
   * `chatKey` while the ticket is open, its own id once closed; unique. This is "at most one open
   * ticket per chat" without a partial index, which FerretDB does not support. (`channel:chatId`
   * on a ticket stored before sealing.)
   */
  openKey: string;
  channel: string;
  /** Sealed: a WhatsApp chat id is the citizen's phone number. */
  chatId: string;
  /** The chat's keyed blind index (handoff-mapper.ts `chatKeyOf`): how a chat's tickets are found. */
  chatKey?: string;
  citizenName?: string;
  reason: string;
  priority: boolean;
  officeId?: string;
  status: 'waiting' | 'claimed' | 'closed';
  officerId?: string;
  createdAt: Date;
  claimedAt?: Date;
  closedAt?: Date;
  waitNoticeAt?: Date;
  resolution?: string;
  notes?: Array<{
    officerId: string;
    officerName: string;
    text: string;
    at: Date;
    transfer?: { toOfficerId?: string; toOfficeId?: string };
  }>;
  transcript: Array<{
    from: string;
    text: string;
    at: Date;
    delivery?: DeliveryRecord;
    beforeHandoff?: boolean;
    attachment?: { documentId: string; filename: string; contentType: string; size: number };
  }>;
  version: number;
  /** When retention erased its personal data (transcript, notes, name, chat id). */
  erasedAt?: Date;
}

/** How an officer reply's delivery is stored on its transcript line. */
export interface DeliveryRecord {
  state: string;
  at: Date;
  reason?: string;
  error?: string;
}

const deliverySchema = new Schema<DeliveryRecord>(
  {
    state: { type: String, enum: ['queued', 'sent', 'failed'], required: true },
    at: { type: Date, required: true },
    reason: String,
    error: String,
  },
  { _id: false },
);

const schema = new Schema<HandoffRecord>(
  {
    openKey: { type: String, required: true },
    channel: { type: String, enum: CHANNELS, required: true },
    chatId: { type: String, required: true },
    chatKey: String,
    citizenName: String,
    reason: { type: String, enum: ['asked', 'not_understood', 'complaint'], required: true },
    priority: { type: Boolean, required: true },
    officeId: String,
    status: { type: String, enum: ['waiting', 'claimed', 'closed'], required: true },
    officerId: String,
    createdAt: { type: Date, required: true },
    claimedAt: Date,
    closedAt: Date,
    waitNoticeAt: Date,
    transcript: [
      new Schema(
        {
          from: { type: String, enum: ['citizen', 'officer', 'bot'], required: true },
          text: { type: String, required: true },
          at: { type: Date, required: true },
          delivery: deliverySchema,
          beforeHandoff: Boolean,
          attachment: new Schema(
            {
              documentId: { type: String, required: true },
              filename: { type: String, required: true },
              contentType: { type: String, required: true },
              size: { type: Number, required: true },
            },
            { _id: false },
          ),
        },
        { _id: false },
      ),
    ],
    resolution: {
      type: String,
      enum: ['answered', 'application_filed', 'referred', 'no_response', 'handed_back'],
    },
    notes: {
      type: [
        new Schema(
          {
            officerId: { type: String, required: true },
            officerName: { type: String, required: true },
            text: { type: String, required: true },
            at: { type: Date, required: true },
            transfer: new Schema({ toOfficerId: String, toOfficeId: String }, { _id: false }),
          },
          { _id: false },
        ),
      ],
      default: undefined,
    },
    version: { type: Number, required: true },
    erasedAt: Date,
  },
  { versionKey: false },
);

schema.index({ openKey: 1 }, { unique: true });
schema.index({ status: 1, priority: -1, createdAt: 1 });
schema.index({ chatKey: 1, createdAt: -1 });
// Tickets stored before sealing, found by their plain chat until `npm run keys:rotate` seals them.
schema.index({ channel: 1, chatId: 1, createdAt: -1 });

/** The `handoffs` collection. */
export function handoffModel(conn: Connection): Model<HandoffRecord> {
  return modelOn(conn, 'Handoff', schema, 'handoffs');
}
