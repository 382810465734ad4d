import {
  BufferJSON,
  initAuthCreds,
  proto,
  type AuthenticationCreds,
  type AuthenticationState,
  type SignalDataSet,
  type SignalDataTypeMap,
} from '@whiskeysockets/baileys';
import type { WhatsAppAuthStore } from '../../ports/whatsapp-auth-store.js';

/** A login loaded from the store, in the shape Baileys asks for, and how to save its changes. */
export interface StoredAuthState {
  state: AuthenticationState;
  /** Writes the credentials as they are now (Baileys changes them in place, then emits creds.update). */
  saveCreds(): Promise<void>;
  /** True when the credentials come from an earlier pairing: no QR is ever shown for them. */
  paired: boolean;
}

const toJson = (value: unknown): string => JSON.stringify(value, BufferJSON.replacer);
const fromJson = <T>(json: string): T => JSON.parse(json, BufferJSON.reviver) as T;

/**
 * Baileys' `{ creds, keys: { get, set } }` on our store, with BufferJSON so every Buffer comes
 * back a Buffer. A store that cannot be read throws (the caller retries later): treating a read
 * failure as "never paired" would create fresh credentials, ask for a QR and lose the login.
 */
export async function loadAuthState(store: WhatsAppAuthStore): Promise<StoredAuthState> {
  const stored = await store.readCreds();
  const creds: AuthenticationCreds = stored ? fromJson<AuthenticationCreds>(stored) : initAuthCreds();
  const state: AuthenticationState = {
    creds,
    keys: {
      async get<T extends keyof SignalDataTypeMap>(type: T, ids: string[]) {
        const found = await store.readKeys(type, ids);
        const out: { [id: string]: SignalDataTypeMap[T] } = {};
        for (const [id, json] of found) {
          let value = fromJson<SignalDataTypeMap[T]>(json);
          if (type === 'app-state-sync-key')
            value = proto.Message.AppStateSyncKeyData.fromObject(
              value as object,
            ) as unknown as SignalDataTypeMap[T];
          out[id] = value;
        }
        return out;
      },
      async set(data: SignalDataSet) {
        const entries: Array<{ type: string; id: string; json: string | null }> = [];
        for (const [type, byId] of Object.entries(data)) {
          for (const [id, value] of Object.entries(byId ?? {})) {
            entries.push({ type, id, json: value === null || value === undefined ? null : toJson(value) });
          }
        }
        await store.writeKeys(entries);
      },
      clear: () => store.clear(),
    },
  };
  return { state, saveCreds: () => store.writeCreds(toJson(creds)), paired: isPaired(creds) };
}

/** Credentials that completed pairing (WhatsApp knows this device). */
export function isPaired(creds: AuthenticationCreds): boolean {
  return creds.registered === true || creds.me?.id !== undefined;
}
