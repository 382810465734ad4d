import { describe, expect, it } from '@jest/globals';
import { serverEnv } from './support/db.js';
import { runTsTool } from './support/run-tool.js';

const env = { ...serverEnv('officer_create'), LOKET_ADMIN_PASSWORD: 'kata-sandi-uji-123', LOG_LEVEL: 'warn' };
const args = (username: string, agency: string) => [
  '--username',
  username,
  '--name',
  'Akun Dinas',
  '--office',
  '31.71',
  '--role',
  'agency',
  '--agency',
  agency,
];

describe('npm run officer:create --role agency', () => {
  it('should create an agency account for an agency of the catalog, and refuse an unknown one', async () => {
    const made = await runTsTool('src/officer-create.ts', args('citata', 'dinas_pupr'), env);
    expect({ code: made.code, stderr: made.stderr }).toEqual({ code: 0, stderr: '' });
    expect(made.stdout).toContain('citata (agency, 31.71)');
    const refused = await runTsTool('src/officer-create.ts', args('entah', 'dinas_entah'), env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Instansi tidak dikenal');
    expect(refused.stderr).toContain('agencyId: Pilih instansi aktif dari daftar.');
  }, 60_000);
});
