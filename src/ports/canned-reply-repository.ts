/** A ready answer an office's officers can put in the reply box. */
export interface CannedReply {
  id: string;
  /** The office whose officers (and the offices below it without a list of their own) see it. */
  officeId: string;
  text: string;
  createdAt: Date;
  updatedAt: Date;
}

/** The canned replies per office, kept by supervisors. */
export interface CannedReplyRepository {
  /** The replies of these offices, each office's in the order they were added. */
  listForOffices(officeIds: readonly string[]): Promise<CannedReply[]>;
  get(id: string): Promise<CannedReply | undefined>;
  /** Adds replies to an office, in order. */
  add(officeId: string, texts: readonly string[], at: Date): Promise<CannedReply[]>;
  /** Changes a reply's text; `undefined` if it is gone. */
  update(id: string, text: string, at: Date): Promise<CannedReply | undefined>;
  /** Removes a reply; `undefined` if it was gone already. */
  remove(id: string): Promise<CannedReply | undefined>;
}
