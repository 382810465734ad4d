import type { Catalog } from '../../catalog/catalog.js';
import type { ConversationState, UploadedFile } from '../../dialogue/types.js';
import type { Application, ApplicationStatus } from '../../domain/application.js';
import type { Lang } from '../../domain/lang.js';
import { maskNik } from '../../domain/nik.js';
import type { ConversationStore } from '../../ports/conversation-store.js';
import type { HandoffReason, HandoffRepository, HandoffTicket } from '../../ports/handoff-repository.js';
import { answerWords, serviceNameOf, stepLabelOf } from './service-texts.js';

/** How many earlier handoffs of the chat the officer sees. */
const EARLIER_HANDOFFS = 5;

/** What building the context reads. */
export interface HandoffContextDeps {
  handoffs: Pick<HandoffRepository, 'listByChat'>;
  conversations: Pick<ConversationStore, 'read'>;
  /** The service catalog, for names and labels in words; without it ids are shown. */
  catalog?: Catalog | undefined;
}

/** One line the citizen or the bot said before the handoff. */
export interface ContextLine {
  from: 'citizen' | 'bot';
  text: string;
  at: Date;
}

/** A document of the draft: the page links it (and shows an image small). */
export interface DraftDocument {
  id: string;
  filename: string;
  contentType: string;
  /** The step that asked for it, in words. */
  label: string;
}

/** The application the citizen is filling in with the bot, in words. */
export interface DraftContext {
  serviceName: string;
  /** The step being asked, in words; absent at the summary or confirmation. */
  stepLabel?: string;
  /** What the citizen answered so far, a NIK masked. */
  answers: Array<{ label: string; value: string }>;
  documents: DraftDocument[];
}

/** The officer's context for a conversation: plain data, every text in words. */
export interface HandoffContext {
  /** The bot conversation before the handoff, oldest first. */
  before: ContextLine[];
  /** The service the citizen last asked about, when no draft is in progress. */
  askedService?: string;
  draft?: DraftContext;
  applications: Array<{
    id: string;
    trackingNumber: string;
    serviceName: string;
    status: ApplicationStatus;
  }>;
  earlierHandoffs: Array<{
    id: string;
    createdAt: Date;
    reason: HandoffReason;
    status: HandoffTicket['status'];
  }>;
}

/**
 * Everything the officer should know before answering: what the citizen said to the bot before
 * asking for a person (kept on the ticket as before-handoff lines), the application being filled
 * in (from the conversation state), their applications (`apps`, which the page reads once for
 * this and for the file picker) and earlier handoffs. Read only: the caller has already checked
 * that the officer may see the ticket.
 */
export async function handoffContext(
  deps: HandoffContextDeps,
  ticket: HandoffTicket,
  lang: Lang,
  apps: readonly Application[],
): Promise<HandoffContext> {
  const [stored, tickets] = await Promise.all([
    deps.conversations.read(ticket.channel, ticket.chatId),
    deps.handoffs.listByChat(ticket.channel, ticket.chatId, EARLIER_HANDOFFS + 1),
  ]);
  const before = ticket.transcript
    .filter((l) => l.beforeHandoff && l.from !== 'officer')
    .map((l) => ({ from: l.from as ContextLine['from'], text: l.text, at: l.at }));
  // A closed ticket's draft may have moved on since: only an open conversation shows it.
  const draft = ticket.status !== 'closed' && stored ? draftOf(deps.catalog, lang, stored.state) : undefined;
  const asked = draft ? undefined : askedServiceOf(deps.catalog, lang, before);
  return {
    before,
    ...(asked ? { askedService: asked } : {}),
    ...(draft ? { draft } : {}),
    applications: apps.map((a) => ({
      id: a.id,
      trackingNumber: a.trackingNumber,
      serviceName: serviceNameOf(deps.catalog, lang, a.serviceId),
      status: a.status,
    })),
    earlierHandoffs: tickets
      .filter((t) => t.id !== ticket.id)
      .slice(0, EARLIER_HANDOFFS)
      .map((t) => ({ id: t.id, createdAt: t.createdAt, reason: t.reason, status: t.status })),
  };
}

/** The draft in progress, in words; a NIK answer masked. */
function draftOf(
  catalog: Catalog | undefined,
  lang: Lang,
  state: ConversationState,
): DraftContext | undefined {
  const flow = state.flow;
  if (!flow) return undefined;
  const { serviceId, answers, documents } = flow.draft;
  const steps = catalog?.flows.get(serviceId)?.steps ?? [];
  const kindOf = (stepId: string) => steps.find((s) => s.id === stepId)?.kind;
  return {
    serviceName: serviceNameOf(catalog, lang, serviceId),
    ...('step' in flow.at ? { stepLabel: stepLabelOf(catalog, lang, serviceId, flow.at.step) } : {}),
    answers: Object.entries(answers).map(([stepId, value]) => ({
      label: stepLabelOf(catalog, lang, serviceId, stepId),
      value:
        kindOf(stepId) === 'nik' && typeof value === 'string'
          ? maskNik(value)
          : answerWords(catalog, lang, serviceId, stepId, value),
    })),
    documents: Object.entries(documents).flatMap(([stepId, files]) =>
      files
        .filter((f: UploadedFile) => f.documentId)
        .map((f) => ({
          id: f.documentId,
          filename: f.filename,
          contentType: f.contentType,
          label: stepLabelOf(catalog, lang, serviceId, stepId),
        })),
    ),
  };
}

/**
 * The service the citizen last asked the bot about, found in what the bot answered (a service's
 * name in its reply): "asked about PBG" without the officer reading every line.
 */
function askedServiceOf(catalog: Catalog | undefined, lang: Lang, before: ContextLine[]): string | undefined {
  if (!catalog) return undefined;
  // The bot spoke the citizen's language, which may not be the officer's: either name counts.
  const ids = [...catalog.flows.keys()];
  const said = (id: string, text: string) =>
    (['id', 'en'] as const).some((l) => text.includes(serviceNameOf(catalog, l, id)));
  for (const line of [...before].reverse()) {
    if (line.from !== 'bot') continue;
    const id = ids.find((i) => said(i, line.text));
    if (id) return serviceNameOf(catalog, lang, id);
  }
  return undefined;
}
