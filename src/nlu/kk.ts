/**
 * "kk" in chat is mostly "kakak" (a polite form of address, "kk mau tanya"), and only
 * sometimes "Kartu Keluarga" ("bikin kk", "kk saya hilang", "no kk"). We read it as the card
 * only next to words that speak of a document; otherwise it is dropped, since an address
 * carries no intent.
 */

/** Words (after slang mapping) that make a neighbouring "kk" the family card. */
const CARD_CONTEXT = new Set([
  'buat',
  'membuat',
  'urus',
  'mengurus',
  'ajukan',
  'mengajukan',
  'apply',
  'hilang',
  'rusak',
  'baru',
  'ganti',
  'cetak',
  'pecah',
  'nomor',
  'syarat',
  'persyaratan',
  'daftar',
  'ubah',
  'perubahan',
  'tambah',
  'update',
  'revisi',
  'asli',
  'fotokopi',
  'fotocopy',
  'foto',
  'scan',
  'upload',
  'lampirkan',
  'terbit',
  'sobek',
  'pisah',
  'numpang',
  'masuk',
  'keluar',
  'data',
  'salah',
  'hilangnya',
]);

/** Other documents: "ktp dan kk" names two cards. */
const DOCUMENTS = new Set(['ktp', 'e-ktp', 'akta', 'surat', 'skpwni', 'buku', 'nikah', 'ijazah', 'paspor']);
const CONJUNCTIONS = new Set(['dan', 'sama', 'atau', 'plus', 'serta', 'dengan']);
/** Words that may sit between "kk" and its verb without changing what it is ("kk saya hilang"). */
const SKIPPABLE = new Set([
  'saya',
  'kami',
  'nya',
  'ku',
  'kita',
  'yang',
  'lama',
  'ini',
  'itu',
  'ortu',
  'keluarga',
]);

function isCardAt(tokens: readonly string[], i: number): boolean {
  const before = tokens[i - 1];
  const before2 = tokens[i - 2];
  if (before !== undefined && CARD_CONTEXT.has(before)) return true;
  if (before !== undefined && before2 !== undefined && CONJUNCTIONS.has(before) && DOCUMENTS.has(before2))
    return true;
  let j = i + 1;
  while (j < tokens.length && j <= i + 2 && SKIPPABLE.has(tokens[j] ?? '')) j += 1;
  const after = tokens[j];
  if (after !== undefined && CARD_CONTEXT.has(after)) return true;
  const after2 = tokens[i + 2];
  return (
    tokens[i + 1] !== undefined &&
    CONJUNCTIONS.has(tokens[i + 1] ?? '') &&
    after2 !== undefined &&
    DOCUMENTS.has(after2)
  );
}

/**
 * Replaces each "kk" by "kartu keluarga" or drops it, from its neighbours. `upperCase` says
 * the citizen wrote "KK" in capitals in an otherwise lower-case message, which names the card.
 */
export function resolveKk(tokens: readonly string[], upperCase = false): string[] {
  const out: string[] = [];
  tokens.forEach((token, i) => {
    if (token !== 'kk') out.push(token);
    else if (upperCase || isCardAt(tokens, i)) out.push('kartu', 'keluarga');
  });
  return out;
}
