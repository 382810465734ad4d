/**
 * Where a WhatsApp session's login lives (the credentials and the Signal keys), as JSON text
 * by key: the WhatsApp adapter serialises (Buffers included), the database adapter only stores.
 * Never in files: a container restart or a second server must find the same login.
 */
export interface WhatsAppAuthStore {
  /** The stored credentials; undefined when the number was never paired (or was logged out). */
  readCreds(): Promise<string | undefined>;
  writeCreds(json: string): Promise<void>;
  /** The stored values of `ids` of one key type; missing ids are absent from the map. */
  readKeys(type: string, ids: string[]): Promise<Map<string, string>>;
  /** Writes (json) or deletes (null) keys, all at once. */
  writeKeys(entries: Array<{ type: string; id: string; json: string | null }>): Promise<void>;
  /** Forgets the whole login (logged out): the next start pairs again. */
  clear(): Promise<void>;
}
