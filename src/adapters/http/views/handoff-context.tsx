import type { HandoffContext } from '../../../app/officer/handoff-context.js';
import { describeStatus } from '../../../domain/status.js';
import { t, type ConsoleLang } from '../console-i18n.js';
import { tc } from '../context-i18n.js';
import { fmtUtc } from './console-time.js';

/** What the context panel needs. */
export interface HandoffContextProps {
  lang: ConsoleLang;
  ticketId: string;
  context: HandoffContext;
}

/**
 * What the officer should know before answering, in words (never the bot's internal codes):
 * the bot conversation before the handoff, the application being filled in with its documents,
 * the citizen's applications and earlier conversations with officers.
 */
export function HandoffContextView({ lang, ticketId, context: c }: HandoffContextProps) {
  return (
    <section class="context card" id="handoff-context">
      <h2>{tc(lang, 'context')}</h2>
      {c.askedService ? <p class="asked">{`${tc(lang, 'askedAbout')}: ${c.askedService}`}</p> : null}
      {c.draft ? <Draft lang={lang} ticketId={ticketId} draft={c.draft} /> : null}
      <details open={c.before.length > 0 && c.before.length <= 8}>
        <summary>{`${tc(lang, 'beforeHandoff')} (${c.before.length})`}</summary>
        {c.before.length === 0 ? (
          <p>{tc(lang, 'nothingBefore')}</p>
        ) : (
          <ol class="transcript before">
            {c.before.map((l) => (
              <li class={`from-${l.from}`}>
                <small>{`${fmtUtc(l.at)} · ${tc(lang, l.from === 'bot' ? 'fromBot' : 'fromCitizen')}`}</small>
                <br />
                {l.text}
              </li>
            ))}
          </ol>
        )}
      </details>
      <h3>{t(lang, 'citizenApps')}</h3>
      <ul>
        {c.applications.length === 0 ? (
          <li>{tc(lang, 'none')}</li>
        ) : (
          c.applications.map((a) => (
            <li>
              <a href={`/console/applications/${a.id}`}>{a.trackingNumber}</a>
              {` ${a.serviceName} · ${describeStatus(a.status, lang)}`}
            </li>
          ))
        )}
      </ul>
      <h3>{tc(lang, 'earlierHandoffs')}</h3>
      <ul>
        {c.earlierHandoffs.length === 0 ? (
          <li>{tc(lang, 'none')}</li>
        ) : (
          c.earlierHandoffs.map((h) => (
            <li>
              <a href={`/console/handoffs/${h.id}`}>{fmtUtc(h.createdAt)}</a>
              {` ${t(lang, h.reason)} · ${tc(lang, h.status === 'closed' ? 'closedState' : h.status)}`}
            </li>
          ))
        )}
      </ul>
    </section>
  );
}

/** The draft: service, the step being asked, answers so far and the uploaded documents. */
function Draft(p: { lang: ConsoleLang; ticketId: string; draft: NonNullable<HandoffContext['draft']> }) {
  const { lang, draft: d } = p;
  return (
    <div class="draft">
      <h3>{tc(lang, 'draft')}</h3>
      <dl>
        <dt>{tc(lang, 'service')}</dt>
        <dd>{d.serviceName}</dd>
        <dt>{tc(lang, 'currentStep')}</dt>
        <dd>{d.stepLabel ?? tc(lang, 'atSummary')}</dd>
      </dl>
      <h4>{tc(lang, 'answers')}</h4>
      {d.answers.length === 0 ? (
        <p>{tc(lang, 'noAnswers')}</p>
      ) : (
        <dl class="answers">
          {d.answers.map((a) => (
            <>
              <dt>{a.label}</dt>
              <dd>{a.value}</dd>
            </>
          ))}
        </dl>
      )}
      {d.documents.length > 0 ? (
        <>
          <h4>{tc(lang, 'documents')}</h4>
          <ul class="thumbs">
            {d.documents.map((doc) => {
              const href = `/console/handoffs/${p.ticketId}/documents/${doc.id}`;
              return (
                <li>
                  <a href={href} target="_blank" rel="noopener">
                    {doc.contentType.startsWith('image/') ? (
                      <img src={href} alt={doc.filename} class="thumb" loading="lazy" />
                    ) : (
                      `${tc(lang, 'openDocument')}: ${doc.filename}`
                    )}
                  </a>
                  <br />
                  <small>{doc.label}</small>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </div>
  );
}
