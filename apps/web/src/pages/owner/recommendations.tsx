import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice } from '../../components/error-notice';
import { CheckboxField, SelectField } from '../../components/fields';
import { Loading } from '../../components/page';
import { ScoreBars, useScoreParts } from '../../components/score-bars';
import { graphql, type ResultOf } from '../../graphql';
import { formatDate } from './format';
import { useReference } from '../../api/reference';
import { RequestForm } from './request-form';

export const RECOMMENDED_MENTORS = graphql(`
  query RecommendedMentors($organizationId: ID!, $first: Int!) {
    recommendedMentors(organizationId: $organizationId, first: $first) {
      score
      computedAt
      interest
      breakdown {
        code
        points
        maxPoints
        reason
      }
      mentor {
        id
        displayName
        headline
        bio
        yearsOfExperience
        economy {
          code
          name
        }
        economies {
          code
          name
        }
        languages {
          code
          name
        }
        expertiseTopics {
          code
          label
        }
        expertiseSectors {
          code
          title
        }
      }
    }
  }
`);

export const SET_MATCH_INTEREST = graphql(`
  mutation SetMatchInterest($organizationId: ID!, $mentorId: ID!, $interest: MatchInterest) {
    setMatchInterest(organizationId: $organizationId, mentorId: $mentorId, interest: $interest) {
      side
      interest
    }
  }
`);

type Recommendation = ResultOf<typeof RECOMMENDED_MENTORS>['recommendedMentors'][number];
type Interest = 'INTERESTED' | 'NOT_INTERESTED';

/** The stored list holds the best 50; all are fetched and narrowed in the browser. */
const FETCH = 50;
const PAGE = 10;
const MIN_SCORES = ['0', '20', '40', '60', '80'];

/**
 * The organisation's recommended mentors, best first, with each score's breakdown and reasons;
 * filters narrow the list here in the browser. The owner marks interest and asks for mentoring.
 */
export function Recommendations({
  organizationId,
  organizationLanguages,
  organizationEconomy,
  canAct,
}: {
  organizationId: string;
  organizationLanguages: ReadonlyArray<{ code: string; name: string }>;
  organizationEconomy: string;
  canAct: boolean;
}) {
  const { t } = useTranslation();
  const reference = useReference();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: RECOMMENDED_MENTORS,
    variables: { organizationId, first: FETCH },
  });
  const [minScore, setMinScore] = useState('0');
  const [language, setLanguage] = useState('');
  const [economy, setEconomy] = useState('');
  const [topic, setTopic] = useState('');
  const [hideNotInterested, setHideNotInterested] = useState(false);
  // Marks made on this page, over those the API returned with the list.
  const [interests, setInterests] = useState<Record<string, Interest | null>>({});
  const interestOf = (r: { mentor: { id: string }; interest: Interest | null }): Interest | null =>
    r.mentor.id in interests ? interests[r.mentor.id] : r.interest;
  const [shown, setShown] = useState(PAGE);

  const all = useMemo(() => data?.recommendedMentors ?? [], [data]);
  const economies = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of all) seen.set(r.mentor.economy.code, r.mentor.economy.name);
    return [...seen]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [all]);
  const topics = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of all) for (const x of r.mentor.expertiseTopics) seen.set(x.code, x.label);
    return [...seen]
      .map(([value, label]) => ({ value, label: reference.topicLabel(value, label) }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [all, reference]);

  const filtered = all.filter(
    (r) =>
      r.score >= Number(minScore) &&
      (!language || r.mentor.languages.some((l) => l.code === language)) &&
      (!economy ||
        (economy === SAME_ECONOMY
          ? r.mentor.economy.code === organizationEconomy
          : r.mentor.economy.code === economy)) &&
      (!topic || r.mentor.expertiseTopics.some((x) => x.code === topic)) &&
      !(hideNotInterested && interestOf(r) === 'NOT_INTERESTED'),
  );
  const visible = filtered.slice(0, shown);
  const reset = () => setShown(PAGE);

  return (
    <section aria-labelledby="recommendations">
      <h2 id="recommendations">{t('owner.recs.title')}</h2>
      <p>{t('owner.recs.intro')}</p>
      <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {fetching && !data ? <Loading /> : null}
      {data && all.length === 0 ? (
        <div className="notice">
          <p>{t('owner.recs.empty')}</p>
          <button
            type="button"
            className="button-secondary"
            onClick={() => refetch({ requestPolicy: 'network-only' })}
          >
            {t('owner.recs.refresh')}
          </button>
        </div>
      ) : null}
      {all.length > 0 ? (
        <>
          <fieldset className="filters">
            <legend>{t('owner.recs.filters')}</legend>
            <SelectField
              label={t('owner.recs.minScore')}
              value={minScore}
              onChange={(e) => {
                setMinScore(e.target.value);
                reset();
              }}
              options={MIN_SCORES.map((s) => ({
                value: s,
                label: s === '0' ? t('owner.recs.anyScore') : t('owner.recs.atLeast', { score: s }),
              }))}
            />
            <SelectField
              label={t('owner.recs.language')}
              value={language}
              onChange={(e) => {
                setLanguage(e.target.value);
                reset();
              }}
              options={[
                { value: '', label: t('owner.recs.anySharedLanguage') },
                ...organizationLanguages.map((l) => ({
                  value: l.code,
                  label: reference.languageName(l.code, l.name),
                })),
              ]}
            />
            <SelectField
              label={t('owner.recs.economy')}
              value={economy}
              onChange={(e) => {
                setEconomy(e.target.value);
                reset();
              }}
              options={[
                { value: '', label: t('owner.recs.anyEconomy') },
                { value: SAME_ECONOMY, label: t('owner.recs.sameEconomy') },
                ...economies,
              ]}
            />
            <SelectField
              label={t('owner.recs.topic')}
              value={topic}
              onChange={(e) => {
                setTopic(e.target.value);
                reset();
              }}
              options={[{ value: '', label: t('owner.recs.anyTopic') }, ...topics]}
            />
            <CheckboxField
              label={t('owner.recs.hideNotInterested')}
              checked={hideNotInterested}
              onChange={(e) => {
                setHideNotInterested(e.target.checked);
                reset();
              }}
            />
          </fieldset>
          <p role="status" className="meta">
            {filtered.length === 0
              ? t('owner.recs.noneMatch')
              : t('owner.recs.showing', { shown: visible.length, total: filtered.length })}
          </p>
          <ul className="cards">
            {visible.map((r) => (
              <RecommendationCard
                key={r.mentor.id}
                recommendation={r}
                organizationId={organizationId}
                canAct={canAct}
                interest={interestOf(r)}
                onInterest={(value) => setInterests((before) => ({ ...before, [r.mentor.id]: value }))}
              />
            ))}
          </ul>
          {filtered.length > visible.length ? (
            <button type="button" className="button-secondary" onClick={() => setShown((n) => n + PAGE)}>
              {t('owner.recs.more')}
            </button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

const SAME_ECONOMY = '__same__';

function RecommendationCard({
  recommendation,
  organizationId,
  canAct,
  interest,
  onInterest,
}: {
  recommendation: Recommendation;
  organizationId: string;
  canAct: boolean;
  interest: Interest | null;
  onInterest(value: Interest | null): void;
}) {
  const { t, i18n } = useTranslation();
  const reference = useReference();
  const headingId = useId();
  const formId = useId();
  const { mentor, breakdown, score } = recommendation;
  const [marking, setMatchInterest] = useMutation(SET_MATCH_INTEREST);
  const [requesting, setRequesting] = useState(false);
  const [sentId, setSentId] = useState<string | null>(null);
  const label = (code: string) => t(`domain.scoreParts.${code}`);
  const scoreParts = useScoreParts();

  const mark = async (value: Interest) => {
    const next = interest === value ? null : value;
    const response = await setMatchInterest({ organizationId, mentorId: mentor.id, interest: next });
    if (response.data) onInterest(response.data.setMatchInterest.interest ?? null);
  };

  return (
    <li className="card">
      <article aria-labelledby={headingId}>
        <h3 id={headingId}>{mentor.displayName}</h3>
        <p className="meta">{mentor.headline}</p>
        <p className="score">{t('owner.recs.score', { score })}</p>
        <ScoreBars caption={t('owner.recs.breakdown')} parts={scoreParts(breakdown)} />
        <h4>{t('owner.recs.why')}</h4>
        <ul className="reasons">
          {breakdown.map((c) => (
            <li key={c.code}>
              <strong>{label(c.code)}:</strong> {c.reason}
            </li>
          ))}
        </ul>
        <details>
          <summary>{t('owner.recs.aboutMentor', { name: mentor.displayName })}</summary>
          <dl className="facts">
            <dt>{t('owner.recs.basedIn')}</dt>
            <dd>{mentor.economy.name}</dd>
            <dt>{t('owner.recs.workedIn')}</dt>
            <dd>{mentor.economies.map((e) => e.name).join(', ') || t('common.none')}</dd>
            <dt>{t('owner.recs.languages')}</dt>
            <dd>{mentor.languages.map((l) => reference.languageName(l.code, l.name)).join(', ')}</dd>
            <dt>{t('owner.recs.topics')}</dt>
            <dd>
              {mentor.expertiseTopics.map((x) => reference.topicLabel(x.code, x.label)).join(', ') ||
                t('common.none')}
            </dd>
            <dt>{t('owner.recs.sectors')}</dt>
            <dd>
              {mentor.expertiseSectors.map((s) => `${s.code} · ${s.title}`).join('; ') || t('common.none')}
            </dd>
            <dt>{t('owner.recs.experience')}</dt>
            <dd>{t('owner.recs.years', { count: mentor.yearsOfExperience })}</dd>
          </dl>
          {mentor.bio ? <p>{mentor.bio}</p> : null}
        </details>
        <p className="meta">
          {t('owner.recs.computedAt', { date: formatDate(i18n.language, recommendation.computedAt) })}
        </p>
        {canAct ? (
          <>
            <ErrorNotice error={marking.error} />
            <div
              className="actions interest-buttons"
              role="group"
              aria-label={t('owner.recs.interestGroup', { name: mentor.displayName })}
            >
              <button
                type="button"
                className="button-secondary"
                aria-pressed={interest === 'INTERESTED'}
                disabled={marking.fetching}
                onClick={() => void mark('INTERESTED')}
              >
                {t('owner.recs.interested')}
              </button>
              <button
                type="button"
                className="button-secondary"
                aria-pressed={interest === 'NOT_INTERESTED'}
                disabled={marking.fetching}
                onClick={() => void mark('NOT_INTERESTED')}
              >
                {t('owner.recs.notInterested')}
              </button>
              {sentId ? null : (
                <button
                  type="button"
                  aria-expanded={requesting}
                  aria-controls={requesting ? formId : undefined}
                  onClick={() => setRequesting((open) => !open)}
                >
                  {t('owner.request.open')}
                </button>
              )}
            </div>
            <p className="meta" role="status">
              {interest ? t(`owner.recs.marked.${interest}`) : ''}
            </p>
            {sentId ? (
              <div className="notice notice-ok" role="status">
                <p>{t('owner.request.sent', { name: mentor.displayName })}</p>
                <p>
                  <Link to={`/requests/${sentId}`}>{t('owner.request.view')}</Link>
                </p>
              </div>
            ) : null}
            {requesting && !sentId ? (
              <div id={formId}>
                <RequestForm
                  organizationId={organizationId}
                  mentor={mentor}
                  onSent={(id) => {
                    setSentId(id);
                    setRequesting(false);
                  }}
                  onCancel={() => setRequesting(false)}
                />
              </div>
            ) : null}
          </>
        ) : null}
      </article>
    </li>
  );
}
