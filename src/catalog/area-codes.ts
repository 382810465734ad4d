/**
 * Kemendagri area codes as a deployment names its region: "31" a province, "32.01" a kabupaten
 * or kota, "32.01.01" a kecamatan. A village code adds four digits: 1xxx a kelurahan, 2xxx a desa.
 */

/** The shape of one code in `LOKET_AREAS`: province, kabupaten/kota or kecamatan. */
export const AREA_CODE = /^\d{2}(\.\d{2}(\.\d{2})?)?$/;

/** The default region: DKI Jakarta, the demo deployment. */
export const DEFAULT_AREAS: readonly string[] = ['31'];

/**
 * "31, 32.01" -> ["31", "32.01"]: trimmed, empty items dropped, duplicates and codes inside
 * another listed code removed ("32, 32.01" is "32"), so a code is counted once.
 */
export function normalizeAreaCodes(codes: readonly string[]): string[] {
  const unique = [...new Set(codes.map((c) => c.trim()).filter(Boolean))];
  return unique.filter((c) => !unique.some((other) => other !== c && c.startsWith(`${other}.`)));
}

/** Whether `code` (of any level) lies inside one of the selected areas. */
export function inAreas(selected: readonly string[], code: string): boolean {
  return selected.some((s) => code === s || code.startsWith(`${s}.`));
}

/** Whether `code` is a parent of a selected area (the province above "32.01"), kept for the office tree. */
export function aboveAreas(selected: readonly string[], code: string): boolean {
  return selected.some((s) => s.startsWith(`${code}.`));
}

/** Village codes 2xxx are desa, 1xxx kelurahan (Permendagri numbering). */
export function isDesaCode(code: string): boolean {
  return code.split('.')[3]?.startsWith('2') ?? false;
}
