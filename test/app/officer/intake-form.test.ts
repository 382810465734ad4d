import { describe, expect, it } from '@jest/globals';
import { checkIntake, formContext, intakeFields } from '../../../src/app/officer/intake-form.js';
import { intakeSettings, KTP_HILANG } from '../../adapters/http/intake-support.js';

const { catalog } = await intakeSettings();
const AT = new Date('2026-11-23T02:00:00Z');
const ctx = formContext(catalog, 'id', AT, 1024 * 1024);
const flow = (id: string) => {
  const f = catalog.flows.get(id);
  if (!f) throw new Error(`no flow ${id}`);
  return f;
};
const png = { filename: 'kk.png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47]) };

describe('intakeFields', () => {
  it('should give every step a field with its label, options and condition in words', () => {
    const fields = intakeFields(ctx, flow('kk'));
    expect(fields.map((f) => f.stepId)).toEqual(flow('kk').steps.map((s) => s.id));
    const noKk = fields.find((f) => f.stepId === 'no_kk');
    expect(noKk).toMatchObject({ kind: 'text', label: 'Nomor KK', maxLength: 30 });
    expect(noKk?.whenText).toBe('Hanya bila bukan (Jenis permohonan KK: KK baru (keluarga baru))');
    expect(fields.find((f) => f.stepId === 'dokumen_pendukung')).toMatchObject({ maxFiles: 3, minFiles: 1 });
  });
});

describe('checkIntake', () => {
  it('should ignore a step whose negated condition fails, even with a bad value', () => {
    const r = checkIntake(ctx, flow('kk'), {
      answers: { ...KTP_HILANG, jenis: 'baru', no_kk: 'x' },
      files: { buku_nikah: [png] },
    });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.answers).not.toHaveProperty('no_kk');
      expect(r.value.documents.map((d) => d.step.id)).toEqual(['buku_nikah']);
    }
  });

  it('should require a step whose condition holds, and drop files of steps that do not apply', () => {
    const r = checkIntake(ctx, flow('kk'), {
      answers: { ...KTP_HILANG, jenis: 'hilang', no_kk: '' },
      files: { buku_nikah: [png] },
    });
    expect(r).toEqual({
      ok: false,
      errors: { no_kk: 'Wajib diisi.', surat_kehilangan: 'Unggah minimal 1 berkas.' },
    });
  });

  it('should apply the flow rejections to dates from the form (age under 17 for a first KTP)', () => {
    const answers = { ...KTP_HILANG, jenis: 'baru', sudah_menikah: 'no', tanggal_lahir: '2012-05-01' };
    const r = checkIntake(ctx, flow('ktp'), { answers, files: { foto_kk: [png] } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.tanggal_lahir).toContain('17 tahun');
    const adult = checkIntake(ctx, flow('ktp'), {
      answers: { ...answers, tanggal_lahir: '1990-05-01' },
      files: { foto_kk: [png] },
    });
    expect(adult.ok && adult.value.answers).toMatchObject({
      sudah_menikah: false,
      tanggal_lahir: '1990-05-01',
    });
  });

  it('should refuse too many files and an unknown kelurahan', () => {
    const r = checkIntake(ctx, flow('ktp'), {
      answers: { ...KTP_HILANG, kelurahan: 'Atlantis' },
      files: { surat_kehilangan: [png, png], foto_kk: [png] },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.surat_kehilangan).toBe('Maksimal 1 berkas.');
      expect(r.errors.kelurahan).toContain('tidak ditemukan');
    }
  });
});
