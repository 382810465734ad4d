/**
 * The languages a citizen can be answered in: Indonesian first, English second. It lives in the
 * domain because the catalog (locale files), the dialogue and every channel all speak of it.
 */
export type Lang = 'id' | 'en';
