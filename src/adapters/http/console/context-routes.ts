import type { Router } from 'express';
import { readDraftDocument } from '../../../app/officer/read-draft-document.js';
import { idParam } from '../params.js';
import { sendInline } from '../send-inline.js';
import { officerOf } from '../security.js';
import type { ConsoleContext } from './context.js';

/**
 * A document of the application the citizen is still filling in with the bot, for the
 * conversation page's thumbnails. Served like an application's documents (api/application-routes.ts):
 * never cached, never sniffed, sandboxed so a PDF or image cannot script the console.
 */
export function registerContextRoutes(router: Router, ctx: ConsoleContext): void {
  const { deps } = ctx;
  router.get('/handoffs/:id/documents/:docId', async (req, res) => {
    const doc = await readDraftDocument(deps, officerOf(res), idParam(req, 'id'), idParam(req, 'docId'));
    sendInline(res, doc.meta, doc.bytes);
  });
}
