/**
 * The fixed label sets: the dialogue engine, the catalog check and the benchmarks rely on
 * these exact names.
 */

/** Every intent the NLU can answer; `intents/<intent>.yaml` must exist for each. */
export const INTENTS = [
  'greeting',
  'list_services',
  'ask_requirements',
  'apply',
  'check_status',
  'ask_cost',
  'ask_duration',
  'office_info',
  'talk_to_officer',
  'cancel',
  'complaint',
  'thanks',
  'out_of_scope',
] as const;
export type Intent = (typeof INTENTS)[number];

/**
 * The first catalog's services. The NLU itself takes whatever `intents/services/` holds, so a
 * tenth service needs no code; this list is for tests and benchmarks that name services.
 */
export const SERVICE_IDS = [
  'ktp',
  'kk',
  'akta_kelahiran',
  'akta_kematian',
  'pindah',
  'domisili',
  'sktm',
  'izin_usaha',
  'pbg',
] as const;
export type ServiceId = (typeof SERVICE_IDS)[number];

/** Whether a string is one of the fixed intents. */
export function isIntent(value: string): value is Intent {
  return (INTENTS as readonly string[]).includes(value);
}
