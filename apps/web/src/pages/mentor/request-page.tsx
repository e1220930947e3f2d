import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { DECLINE_COMMENT_MAX } from '../../api/bounds';
import { errorCode, errorField } from '../../api/errors';
import { useSession } from '../../auth/session';
import { ErrorNotice } from '../../components/error-notice';
import { FactsList } from '../../components/facts-list';
import { TextArea } from '../../components/fields';
import { Loading, Page } from '../../components/page';
import { ScoreBars, useScoreParts } from '../../components/score-bars';
import { graphql, type ResultOf } from '../../graphql';
import { DECLINE_REASONS, RequestStatusBadge, useFormat, type DeclineReason } from './shared';

export const MENTORSHIP_REQUEST_PAGE = graphql(`
  query MentorshipRequestPage($id: ID!) {
    mentorshipRequest(id: $id) {
      id
      status
      source
      autoReroute
      createdAt
      decidedAt
      expiresAt
      message
      goals
      declineReason
      declineComment
      match {
        score
        breakdown {
          code
          points
          maxPoints
          reason
        }
      }
      mentor {
        id
        displayName
        headline
      }
      mentorship {
        id
        status
      }
      organization {
        id
        name
        kind
        description
        city
        cluster
        locality
        employees
        sizeClass
        foundedYear
        womenLed
        womenOwned
        youthLed
        socialEnterprise
        prefersWomanMentor
        mentorsWanted
        economy {
          code
          name
        }
        isicDivision {
          code
          title
          section {
            code
            title
          }
        }
        needs {
          code
          label
        }
        languages {
          code
          name
        }
        targetEconomies {
          code
          name
        }
        owner {
          id
        }
      }
      suggestedMentors(first: 3) {
        score
        mentor {
          id
          displayName
          headline
          economy {
            code
            name
          }
        }
        breakdown {
          code
          points
          maxPoints
        }
      }
    }
  }
`);

/** Which mentor profile is the signed-in mentor's: the request is addressed to them or not. */
export const MY_MENTOR_PROFILE_ID = graphql(`
  query MyMentorProfileId {
    myMentorProfile {
      id
    }
  }
`);

export const ACCEPT_REQUEST = graphql(`
  mutation AcceptMentorshipRequest($id: ID!) {
    acceptMentorshipRequest(id: $id) {
      id
      status
      decidedAt
      mentorship {
        id
        status
      }
    }
  }
`);

export const DECLINE_REQUEST = graphql(`
  mutation DeclineMentorshipRequest($id: ID!, $reason: DeclineReason!, $comment: String) {
    declineMentorshipRequest(id: $id, reason: $reason, comment: $comment) {
      id
      status
      decidedAt
      declineReason
      declineComment
    }
  }
`);

export const CANCEL_REQUEST = graphql(`
  mutation CancelMentorshipRequest($id: ID!) {
    cancelMentorshipRequest(id: $id) {
      id
      status
      decidedAt
    }
  }
`);

type Request = ResultOf<typeof MENTORSHIP_REQUEST_PAGE>['mentorshipRequest'];
type Organization = NonNullable<Request['organization']>;

export function RequestPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { user, hasRole } = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MENTORSHIP_REQUEST_PAGE,
    variables: { id },
  });
  const [{ data: mine }] = useQuery({ query: MY_MENTOR_PROFILE_ID, pause: !hasRole('MENTOR') });
  const request = data?.mentorshipRequest;
  const isMentor = Boolean(request && mine?.myMentorProfile && mine.myMentorProfile.id === request.mentor.id);
  const isOwner = Boolean(request?.organization?.owner && request.organization.owner.id === user?.id);
  const title = request
    ? t('mentor.requests.cardTitle', {
        organization: request.organization?.name ?? t('mentor.requests.organizationRemoved'),
      })
    : t('mentor.request.title');
  const reload = () => refetch({ requestPolicy: 'network-only' });

  return (
    <Page
      title={title}
      actions={
        <Link to="/requests" className="button button-secondary">
          {t('mentor.request.back')}
        </Link>
      }
    >
      <ErrorNotice error={error} onRetry={reload} />
      {fetching && !data ? <Loading /> : null}
      {request ? (
        <>
          <Summary request={request} />
          {isMentor ? <MentorActions request={request} onStale={reload} /> : null}
          {isOwner && request.status === 'PENDING' ? (
            <OwnerCancel request={request} onStale={reload} />
          ) : null}
          {!isMentor && request.status === 'ACCEPTED' && request.mentorship ? (
            <p>
              <Link to={`/mentorships/${request.mentorship.id}`}>{t('mentor.request.openMentorship')}</Link>
            </p>
          ) : null}
          {request.organization ? <OrganizationFacts organization={request.organization} /> : null}
          {request.organization ? (
            <PairBreakdown match={request.match} organization={request.organization} />
          ) : null}
          {(request.status === 'DECLINED' || request.status === 'EXPIRED') &&
          request.organization &&
          (isOwner || hasRole('PROGRAM_MANAGER')) ? (
            <Suggestions request={request} organization={request.organization} />
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

function Summary({ request }: { request: Request }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="card" aria-labelledby="request-summary">
      <h2 id="request-summary">{t('mentor.request.summary')}</h2>
      <p>
        <RequestStatusBadge status={request.status} />
        <span className="badge">{t(`mentor.sources.${request.source}`)}</span>
      </p>
      <FactsList
        facts={[
          {
            label: t('mentor.requests.mentor'),
            value: `${request.mentor.displayName} — ${request.mentor.headline}`,
          },
          {
            label: t('mentor.requests.sent'),
            value: <time dateTime={request.createdAt}>{format.dateTime(request.createdAt)}</time>,
          },
          request.status === 'PENDING'
            ? {
                label: t('mentor.requests.expires'),
                value: <time dateTime={request.expiresAt}>{format.dateTime(request.expiresAt)}</time>,
              }
            : null,
          request.decidedAt
            ? {
                label: t('mentor.requests.decided'),
                value: <time dateTime={request.decidedAt}>{format.dateTime(request.decidedAt)}</time>,
              }
            : null,
          {
            label: t('mentor.request.autoReroute'),
            value: request.autoReroute ? t('common.yes') : t('common.no'),
          },
          request.declineReason
            ? {
                label: t('mentor.request.declineReason'),
                value: t(`mentor.declineReasons.${request.declineReason}`),
              }
            : null,
          request.declineComment
            ? { label: t('mentor.request.declineComment'), value: request.declineComment }
            : null,
        ]}
      />
      <h3>{t('mentor.request.message')}</h3>
      <blockquote>
        <p>{request.message}</p>
      </blockquote>
      {request.goals.length > 0 ? (
        <>
          <h3>{t('mentor.requests.goals')}</h3>
          <ul>
            {request.goals.map((g, i) => (
              <li key={i}>{g}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** Accept, or decline with a reason (and a comment) after a confirmation step. */
function MentorActions({ request, onStale }: { request: Request; onStale(): void }) {
  const { t } = useTranslation();
  const [accepting, accept] = useMutation(ACCEPT_REQUEST);
  const [declining, decline] = useMutation(DECLINE_REQUEST);
  const [declineOpen, setDeclineOpen] = useState(false);
  const failed = accepting.error ?? declining.error;
  const stale = errorCode(failed) === 'ALREADY_DECIDED';
  useEffect(() => {
    // Someone (or the expiry) decided first: show the request as it is now.
    if (stale) onStale();
  }, [stale, onStale]);
  const justAccepted = accepting.data?.acceptMentorshipRequest;
  const justDeclined = declining.data?.declineMentorshipRequest;
  const answeredNow = Boolean(justAccepted || justDeclined);
  const mentorshipId = justAccepted?.mentorship?.id ?? request.mentorship?.id;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // The buttons or the form just went away: keep keyboard focus in this section.
    if (answeredNow) heading.current?.focus();
  }, [answeredNow]);

  return (
    <section className="card" aria-labelledby="request-answer">
      <h2 id="request-answer" ref={heading} tabIndex={-1}>
        {t('mentor.request.answerTitle')}
      </h2>
      <ErrorNotice error={failed} />
      {justAccepted ? (
        <p className="notice notice-ok" role="status">
          {t('mentor.request.accepted')}
        </p>
      ) : null}
      {justDeclined ? (
        <p className="notice notice-ok" role="status">
          {t('mentor.request.declined')}
        </p>
      ) : null}
      {request.status === 'PENDING' && !answeredNow ? (
        declineOpen ? (
          <DeclineForm
            busy={declining.fetching}
            error={declining.error}
            onCancel={() => setDeclineOpen(false)}
            onConfirm={async (reason, comment) => {
              await decline({ id: request.id, reason, comment });
            }}
          />
        ) : (
          <>
            <p>{t('mentor.request.answerIntro')}</p>
            <div className="actions">
              <button
                type="button"
                disabled={accepting.fetching}
                onClick={() => void accept({ id: request.id })}
              >
                {accepting.fetching ? t('mentor.request.accepting') : t('mentor.request.accept')}
              </button>
              <button type="button" className="button-secondary" onClick={() => setDeclineOpen(true)}>
                {t('mentor.request.decline')}
              </button>
            </div>
          </>
        )
      ) : null}
      {request.status !== 'PENDING' && !answeredNow ? <p>{t('mentor.request.alreadyAnswered')}</p> : null}
      {(justAccepted || request.status === 'ACCEPTED') && mentorshipId ? (
        <p>
          <Link to={`/mentorships/${mentorshipId}`}>{t('mentor.request.openMentorship')}</Link>
        </p>
      ) : null}
    </section>
  );
}

function DeclineForm({
  busy,
  error,
  onCancel,
  onConfirm,
}: {
  busy: boolean;
  error: Parameters<typeof errorField>[0];
  onCancel(): void;
  onConfirm(reason: DeclineReason, comment: string | null): Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [reason, setReason] = useState<DeclineReason | null>(null);
  const [comment, setComment] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  useEffect(() => heading.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason) {
      setMissingReason(true);
      return;
    }
    await onConfirm(reason, comment.trim() || null);
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t('mentor.request.declineTitle')}
      </h3>
      <p>{t('mentor.request.declineIntro')}</p>
      <fieldset
        className={missingReason ? 'field-invalid' : undefined}
        aria-describedby={missingReason ? `${id}-reason-error` : undefined}
        aria-invalid={missingReason ? true : undefined}
      >
        <legend>{t('mentor.request.reasonLegend')}</legend>
        {DECLINE_REASONS.map((r) => (
          <label key={r} className="radio">
            <input
              type="radio"
              name={`${id}-reason`}
              value={r}
              checked={reason === r}
              onChange={() => {
                setReason(r);
                setMissingReason(false);
              }}
            />{' '}
            {t(`mentor.declineReasons.${r}`)}
          </label>
        ))}
        {missingReason ? (
          <p className="field-error" id={`${id}-reason-error`}>
            {t('mentor.request.reasonRequired')}
          </p>
        ) : null}
      </fieldset>
      <TextArea
        label={t('mentor.request.comment')}
        help={t('mentor.request.commentHelp')}
        maxLength={DECLINE_COMMENT_MAX}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        error={errorField(error) === 'comment' ? t('mentor.profile.invalid') : undefined}
      />
      <div className="actions">
        <button type="submit" className="button-danger" disabled={busy}>
          {busy ? t('mentor.request.declining') : t('mentor.request.confirmDecline')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('mentor.request.keepOpen')}
        </button>
      </div>
    </form>
  );
}

/** The owner withdraws a pending request, after saying so twice. */
function OwnerCancel({ request, onStale }: { request: Request; onStale(): void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [cancelling, cancel] = useMutation(CANCEL_REQUEST);
  const stale = errorCode(cancelling.error) === 'ALREADY_DECIDED';
  useEffect(() => {
    if (stale) onStale();
  }, [stale, onStale]);
  return (
    <section className="card" aria-labelledby="request-cancel">
      <h2 id="request-cancel">{t('mentor.request.cancelTitle')}</h2>
      <ErrorNotice error={cancelling.error} />
      {confirming ? (
        <div role="group" aria-labelledby="request-cancel-question">
          <p id="request-cancel-question">{t('mentor.request.cancelQuestion')}</p>
          <div className="actions">
            <button
              type="button"
              className="button-danger"
              disabled={cancelling.fetching}
              onClick={() => void cancel({ id: request.id })}
            >
              {t('mentor.request.confirmCancel')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
              {t('mentor.request.keepOpen')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button-secondary" onClick={() => setConfirming(true)}>
          {t('mentor.request.cancel')}
        </button>
      )}
    </section>
  );
}

function OrganizationFacts({ organization: o }: { organization: Organization }) {
  const { t } = useTranslation();
  const format = useFormat();
  const yesNo = (v: boolean) => (v ? t('common.yes') : t('common.no'));
  const list = (items: string[]) => (items.length > 0 ? items.join(', ') : t('common.none'));
  return (
    <section className="card" aria-labelledby="request-organization">
      <h2 id="request-organization">{t('mentor.request.organizationTitle', { name: o.name })}</h2>
      {o.description ? <p>{o.description}</p> : null}
      <FactsList
        facts={[
          { label: t('mentor.facts.kind'), value: t(`domain.kinds.${o.kind}`) },
          {
            label: t('mentor.facts.sector'),
            value: `${o.isicDivision.code} · ${o.isicDivision.title} (${o.isicDivision.section.code} · ${o.isicDivision.section.title})`,
          },
          { label: t('mentor.facts.economy'), value: o.economy.name },
          o.city ? { label: t('mentor.facts.city'), value: o.city } : null,
          { label: t('mentor.facts.locality'), value: t(`domain.localities.${o.locality}`) },
          {
            label: t('mentor.facts.employees'),
            value: t('mentor.facts.employeesValue', {
              count: o.employees,
              employees: format.number(o.employees),
              size: t(`mentor.sizeClasses.${o.sizeClass}`),
            }),
          },
          o.foundedYear ? { label: t('mentor.facts.founded'), value: String(o.foundedYear) } : null,
          { label: t('mentor.facts.womenLed'), value: yesNo(o.womenLed) },
          { label: t('mentor.facts.womenOwned'), value: yesNo(o.womenOwned) },
          { label: t('mentor.facts.youthLed'), value: yesNo(o.youthLed) },
          { label: t('mentor.facts.socialEnterprise'), value: yesNo(o.socialEnterprise) },
          o.cluster ? { label: t('mentor.facts.cluster'), value: o.cluster } : null,
          { label: t('mentor.facts.prefersWomanMentor'), value: yesNo(o.prefersWomanMentor) },
          { label: t('mentor.facts.mentorsWanted'), value: format.number(o.mentorsWanted) },
          { label: t('mentor.facts.needs'), value: list(o.needs.map((n) => format.topic(n.code, n.label))) },
          {
            label: t('mentor.facts.languages'),
            value: list(o.languages.map((l) => format.language(l.code, l.name))),
          },
          { label: t('mentor.facts.targetEconomies'), value: list(o.targetEconomies.map((e) => e.name)) },
        ]}
      />
    </section>
  );
}

/** How well the pair matches now, computed by the API from both current profiles. */
function PairBreakdown({ match, organization }: { match: Request['match']; organization: Organization }) {
  const { t } = useTranslation();
  const format = useFormat();
  const scoreParts = useScoreParts();
  return (
    <section className="card" aria-labelledby="request-breakdown">
      <h2 id="request-breakdown">{t('mentor.request.breakdownTitle')}</h2>
      {!match ? <p>{t('mentor.request.breakdownMissing')}</p> : null}
      {match ? (
        <>
          <p>
            <strong>{t('mentor.score', { score: format.number(match.score) })}</strong>
          </p>
          <ScoreBars
            parts={scoreParts(match.breakdown)}
            caption={t('mentor.breakdownCaption', { name: organization.name })}
          />
          <details>
            <summary>{t('mentor.request.reasons')}</summary>
            <ul>
              {match.breakdown.map((c) => (
                <li key={c.code}>
                  {t(`domain.scoreParts.${c.code}`)}: <span lang="en">{c.reason}</span>
                </li>
              ))}
            </ul>
          </details>
        </>
      ) : null}
    </section>
  );
}

/** After a decline or an expiry: the mentors the organisation could ask next. */
function Suggestions({ request, organization }: { request: Request; organization: Organization }) {
  const { t } = useTranslation();
  const format = useFormat();
  const scoreParts = useScoreParts();
  return (
    <section aria-labelledby="request-suggestions">
      <h2 id="request-suggestions">{t('mentor.request.suggestionsTitle')}</h2>
      {request.suggestedMentors.length === 0 ? (
        <p>{t('mentor.request.suggestionsEmpty')}</p>
      ) : (
        <>
          <p className="hint">{t('mentor.request.suggestionsIntro', { name: organization.name })}</p>
          <ul className="cards">
            {request.suggestedMentors.map((s) => (
              <li key={s.mentor.id} className="card">
                <h3>{s.mentor.displayName}</h3>
                <p>{s.mentor.headline}</p>
                <p className="meta">
                  {s.mentor.economy.name} · {t('mentor.score', { score: format.number(s.score) })}
                </p>
                <ScoreBars
                  parts={scoreParts(s.breakdown)}
                  caption={t('mentor.breakdownCaption', { name: s.mentor.displayName })}
                />
                <Link to={`/organizations/${organization.id}`}>
                  {t('mentor.request.askFromOrganization', { mentor: s.mentor.displayName })}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
