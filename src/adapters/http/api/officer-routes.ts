import type { Router } from 'express';
import { issueApiToken, listApiTokens, revokeApiToken } from '../../../app/officer/api-tokens.js';
import { assertAgencyListed, createOfficer, publicOfficer } from '../../../app/officer/create-officer.js';
import { actorOf } from '../../../app/officer/officer-actor.js';
import { isWithinOffice, officesInScope } from '../../../app/officer/scope.js';
import { newOfficerSchema } from '../api-schemas.js';
import { parseInput, sendError } from '../http-errors.js';
import { idParam } from '../params.js';
import type { OfficerHttpDeps } from '../officer-http-deps.js';
import { officerOf, requireRole } from '../security.js';

/** `/api/me` and `/api/officers`: who is signed in, their tokens, and (admins) officer accounts. */
export function officerRoutes(router: Router, deps: OfficerHttpDeps): void {
  router.get('/me', (_req, res) => {
    res.json({ officer: officerOf(res) });
  });
  router.post('/me/tokens', async (_req, res) => {
    const token = await issueApiToken(deps, officerOf(res));
    res.status(201).json({ token, note: 'Simpan sekarang: token hanya ditampilkan sekali (shown once).' });
  });
  router.get('/me/tokens', async (_req, res) => {
    const me = officerOf(res);
    res.json({ items: await listApiTokens(deps, me, me.id) });
  });
  // One token by its id: the owner's own, or (admins) an account's in their subtree; audited.
  router.post('/tokens/:id/revoke', async (req, res) => {
    await revokeApiToken(deps, officerOf(res), idParam(req));
    res.json({ revoked: true });
  });
  router.get('/officers', requireRole('admin'), async (_req, res) => {
    const officer = officerOf(res);
    const list = await deps.officers.list(await officesInScope(deps.offices, officer));
    res.json({ items: list.map(publicOfficer) });
  });
  router.post('/officers', requireRole('admin'), async (req, res) => {
    const body = parseInput(newOfficerSchema, req.body);
    const admin = officerOf(res);
    if (!isWithinOffice(body.officeId, admin.officeId)) {
      return sendError(
        res,
        403,
        'forbidden',
        'Kantor petugas baru harus di wilayah Anda (outside your office).',
      );
    }
    await assertAgencyListed(deps, body);
    res.status(201).json({ officer: await createOfficer(deps, body, actorOf(admin)) });
  });
}
