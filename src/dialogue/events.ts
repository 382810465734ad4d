import type { Ctx } from './context.js';
import {
  onHandoffClosed,
  onHandoffOpened,
  onHandoffWaiting,
  onHandedBack,
  onOfficerJoined,
  onOfficerMessage,
} from './handoff.js';
import { onDeletionDecided, onDeletionRequested, onMyData } from './privacy.js';
import { onDraftExpired, onDraftExpiring } from './draft-expiry.js';
import { onRevisionRequested, onRevisionSaved } from './revision.js';
import { onStatusFound, onStatusNotFound } from './status.js';
import { onStatusNeedsProof, onStatusProofLimited, onStatusProofWrong } from './status-proof.js';
import { closeWithSurvey } from './survey.js';
import { onSubmitFailed, onSubmitted } from './submit.js';
import type { SystemEvent } from './types.js';

/** Results of effects, turned into what the citizen hears. */
export function handleEvent(ctx: Ctx, ev: SystemEvent): void {
  switch (ev.kind) {
    case 'submitted':
      onSubmitted(ctx, ev);
      return;
    case 'submit_failed':
      onSubmitFailed(ctx);
      return;
    case 'status_found':
      onStatusFound(ctx, ev.applications);
      return;
    case 'status_not_found':
      onStatusNotFound(ctx, ev.query, ev.suggestion);
      return;
    case 'status_needs_proof':
      onStatusNeedsProof(ctx, ev.trackingNumber);
      return;
    case 'status_proof_wrong':
      onStatusProofWrong(ctx, ev.trackingNumber, ev.remaining);
      return;
    case 'status_proof_limited':
      onStatusProofLimited(ctx, ev.retryMinutes);
      return;
    case 'handoff_opened':
      onHandoffOpened(ctx, ev.position, ev.officeOpenNow, ev.nextOpening, ev.availableOfficers);
      return;
    case 'handoff_waiting':
      onHandoffWaiting(ctx, ev);
      return;
    case 'officer_joined':
      onOfficerJoined(ctx, ev.officerName);
      return;
    case 'officer_message':
      onOfficerMessage(ctx, ev.officerName, ev.text);
      return;
    case 'handoff_closed':
      if (ev.byOfficer && ev.ticketId) closeWithSurvey(ctx, ev.ticketId);
      else onHandoffClosed(ctx, ev.byOfficer);
      return;
    case 'handed_back':
      onHandedBack(ctx, ev.officerName);
      return;
    case 'revision_requested':
      onRevisionRequested(ctx, ev);
      return;
    case 'revision_saved':
      onRevisionSaved(ctx, ev.trackingNumber);
      return;
    case 'my_data':
      onMyData(ctx, ev.view);
      return;
    case 'deletion_requested':
      onDeletionRequested(ctx, ev);
      return;
    case 'deletion_decided':
      onDeletionDecided(ctx, ev);
      return;
    case 'draft_expiring':
      onDraftExpiring(ctx, ev.days);
      return;
    case 'draft_expired':
      onDraftExpired(ctx, ev.days);
      return;
  }
}
