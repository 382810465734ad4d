import type { Channel } from '../domain/application.js';
import type { UploadedFile } from '../dialogue/types.js';

/** A file to store, with the limits that apply to the step that asked for it. */
export interface PutDocument {
  bytes: Buffer;
  /** As the citizen's app named it; shown to officers, never trusted for the type. */
  filename: string;
  owner: { channel: Channel; chatId: string };
  maxBytes: number;
  /** MIME types the step accepts, e.g. `['image/jpeg', 'image/png', 'application/pdf']`. */
  allowedTypes: string[];
  /**
   * Idempotency key: the inbound message that carried the file (`channel:messageId`). A second
   * `put` with the same key (a redelivery, a retry after a crash between the upload and the
   * conversation write) answers the file stored the first time instead of storing it again.
   */
  key?: string;
}

/** Why a file was refused; `detectedType` tells the citizen what we saw instead. */
export type PutRefusal = {
  ok: false;
  /** `damaged`: cut off, cannot be opened; `active_content`: a PDF with scripts, launch actions or embedded files. */
  reason: 'empty' | 'too_big' | 'type_not_allowed' | 'damaged' | 'active_content';
  detectedType?: string;
};

/** The answer to `put`. */
export type PutResult = { ok: true; file: UploadedFile } | PutRefusal;

/** A stored file's description. */
export interface StoredDocumentMeta extends UploadedFile {
  owner: { channel: Channel; chatId: string };
  uploadedAt: Date;
  /** Set once the upload belongs to a submitted application; until then it is pending. */
  applicationId?: string;
  /** When the citizen's draft let go of it (`discard`): the discard sweep deletes it soon after. */
  discardedAt?: Date;
}

/**
 * A stored file whose bytes fail their check (tampered, cut short, or sealed under a key no
 * longer in the ring): `get` throws it rather than hand out bytes it cannot vouch for.
 */
export class DocumentIntegrityError extends Error {
  override readonly name = 'DocumentIntegrityError';
  constructor(
    readonly documentId: string,
    reason: string,
  ) {
    super(
      `Berkas ${documentId} tidak dapat dibuka dan tidak dikirim (stored file fails its check: ${reason})`,
    );
  }
}

/** Citizen uploads (KTP photos, police reports, drawings). */
export interface DocumentStore {
  /**
   * Checks and stores a file: the content type comes from the bytes (file-type), never from the
   * name, and a SHA-256 is stored with it. With `input.key`, the file is stored at most once
   * per key.
   */
  put(input: PutDocument): Promise<PutResult>;
  /** The file with its plain bytes; throws `DocumentIntegrityError` when they fail their check. */
  get(id: string): Promise<{ meta: StoredDocumentMeta; bytes: Buffer } | undefined>;
  /** Marks a pending upload as part of a submitted application, so the orphan sweep keeps it. */
  attach(id: string, applicationId: string): Promise<void>;
  /** Deleting a file already gone is fine: every deletion may be repeated after a crash. */
  delete(id: string): Promise<void>;
  /**
   * Marks a pending upload its draft no longer keeps. It is not deleted yet: the turn that let
   * go of it may still fail to save, and the draft stored until then still names it. The discard
   * sweep deletes it once nothing (the saved draft, an application) names it any more.
   */
  discard(id: string, at: Date): Promise<void>;
  /** Pending uploads older than `date` (abandoned drafts), for the clean-up job. */
  listOrphansBefore(date: Date): Promise<StoredDocumentMeta[]>;
  /** Pending uploads discarded before `date`, oldest first, at most `limit`. */
  listDiscardedBefore(date: Date, limit: number): Promise<StoredDocumentMeta[]>;
  /**
   * Deletes stored contents no file names, left by an upload that died mid-write, once old
   * enough that no upload can still be writing them (an hour); answers how many sets went.
   */
  sweepDeadContents(now: Date): Promise<number>;
}
