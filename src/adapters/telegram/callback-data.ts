/** Telegram's limit for `callback_data`, in bytes. */
export const CALLBACK_DATA_MAX_BYTES = 64;
const PREFIX = 'c:';

/**
 * Callback data for a menu option, or undefined when the value does not fit Telegram's 64
 * bytes (the option is then offered by its number only). The prefix marks data we made, so
 * anything else pressed (an old bot version, a forged update) is refused politely.
 */
export function encodeChoice(value: string): string | undefined {
  const data = PREFIX + value;
  return value !== '' && Buffer.byteLength(data, 'utf8') <= CALLBACK_DATA_MAX_BYTES ? data : undefined;
}

/** The option value in callback data we made, or undefined for anything malformed. */
export function decodeChoice(data: string | undefined): string | undefined {
  if (data === undefined || !data.startsWith(PREFIX)) return undefined;
  if (Buffer.byteLength(data, 'utf8') > CALLBACK_DATA_MAX_BYTES) return undefined;
  const value = data.slice(PREFIX.length);
  // Control characters never appear in option values; their presence means tampering.
  // eslint-disable-next-line no-control-regex
  if (value === '' || /[\u0000-\u001f\u007f]/.test(value)) return undefined;
  return value;
}
