import { wordsOf } from './words.js';

/** The API token pages' words (the officer's own tokens and an admin's view of someone's). */
const WORDS = {
  title: { id: 'Token API', en: 'API tokens' },
  titleOf: { id: 'Token API {username}', en: 'API tokens of {username}' },
  intro: {
    id: 'Token API dipakai skrip untuk REST API. Hanya awalan token yang ditampilkan; token yang dicabut atau kedaluwarsa ditolak (401).',
    en: 'API tokens let scripts use the REST API. Only a token’s prefix is shown; a revoked or expired token is refused (401).',
  },
  none: { id: 'Belum ada token.', en: 'No tokens yet.' },
  prefix: { id: 'Awalan', en: 'Prefix' },
  created: { id: 'Dibuat', en: 'Created' },
  lastUsed: { id: 'Terakhir dipakai', en: 'Last used' },
  expires: { id: 'Kedaluwarsa', en: 'Expires' },
  state: { id: 'Status', en: 'State' },
  never: { id: 'belum pernah', en: 'never' },
  active: { id: 'aktif', en: 'active' },
  expired: { id: 'kedaluwarsa', en: 'expired' },
  revoked: { id: 'dicabut', en: 'revoked' },
  revoke: { id: 'Cabut', en: 'Revoke' },
  revokedOne: { id: 'Token dicabut.', en: 'Token revoked.' },
  back: { id: 'Kembali ke daftar akun', en: 'Back to the accounts' },
} as const;

/** A token page word in the officer's language. */
export const tt = wordsOf(WORDS);
