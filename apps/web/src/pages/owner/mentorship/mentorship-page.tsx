import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../../../auth/session';
import { ErrorNotice } from '../../../components/error-notice';
import { Loading, Page } from '../../../components/page';
import { formatDate } from '../format';
import '../owner.css';
import { MENTORSHIP, MY_MENTOR_PROFILE_ID, REFRESH, type MentorshipData, type Side } from './documents';
import { Feedback } from './feedback';
import { Finish } from './finish';
import { Goals } from './goals';
import { Outcomes } from './outcomes';
import { Sessions } from './sessions';
import { MentorshipStatusBadge } from './status-badge';

/**
 * One mentorship, for both parties (and the managers who oversee it, read-only): who and since
 * when, goals, sessions, finishing it, feedback and — for the organisation's owner — outcomes.
 */
export function MentorshipPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user, hasRole } = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MENTORSHIP,
    variables: { id },
    context: REFRESH,
  });
  const isMentor = hasRole('MENTOR');
  const [{ data: profile }] = useQuery({ query: MY_MENTOR_PROFILE_ID, pause: !isMentor });
  const mentorship = data?.mentorship;
  const side: Side | null = !mentorship
    ? null
    : user && mentorship.organization?.owner?.id === user.id
      ? 'ORGANIZATION'
      : isMentor && profile?.myMentorProfile?.id === mentorship.mentor.id
        ? 'MENTOR'
        : null;
  const organizationName = mentorship?.organization?.name ?? t('owner.mentorship.deletedOrganization');
  return (
    <Page
      title={
        mentorship
          ? t('owner.mentorship.title', {
              organization: organizationName,
              mentor: mentorship.mentor.displayName,
            })
          : t('owner.mentorship.loadingTitle')
      }
      actions={
        <Link to="/mentorships" className="button button-secondary">
          {t('owner.mentorship.back')}
        </Link>
      }
    >
      <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {fetching && !mentorship ? <Loading /> : null}
      {mentorship ? (
        <>
          <Parties mentorship={mentorship} side={side} />
          {side === null ? <p className="notice">{t('owner.mentorship.readOnly')}</p> : null}
          <div className="grid-2">
            <Goals mentorship={mentorship} side={side} />
            <Finish mentorship={mentorship} side={side} />
          </div>
          <Sessions mentorship={mentorship} side={side} />
          <Feedback mentorship={mentorship} side={side} />
          <Outcomes mentorship={mentorship} side={side} />
        </>
      ) : null}
    </Page>
  );
}

function Parties({ mentorship, side }: { mentorship: MentorshipData; side: Side | null }) {
  const { t, i18n } = useTranslation();
  const { hasRole } = useSession();
  const org = mentorship.organization;
  const canOpenOrganization = side === 'ORGANIZATION' || hasRole('PROGRAM_MANAGER', 'ADMIN');
  return (
    <section aria-labelledby="mentorship-parties">
      <h2 id="mentorship-parties">{t('owner.mentorship.parties')}</h2>
      <div className="card">
        <dl className="facts">
          <dt>{t('owner.mentorship.organization')}</dt>
          <dd>
            {org ? (
              canOpenOrganization ? (
                <Link to={`/organizations/${org.id}`}>{org.name}</Link>
              ) : (
                org.name
              )
            ) : (
              t('owner.mentorship.deletedOrganization')
            )}
            {org ? (
              <span className="meta"> · {[org.city, org.economy.name].filter(Boolean).join(', ')}</span>
            ) : null}
            {side === 'ORGANIZATION' ? <span className="badge">{t('owner.mentorship.you')}</span> : null}
          </dd>
          <dt>{t('owner.mentorship.mentor')}</dt>
          <dd>
            {mentorship.mentor.displayName}
            <span className="meta">
              {' '}
              · {mentorship.mentor.headline} · {mentorship.mentor.economy.name}
            </span>
            {side === 'MENTOR' ? <span className="badge">{t('owner.mentorship.you')}</span> : null}
          </dd>
          <dt>{t('owner.mentorship.status')}</dt>
          <dd>
            <MentorshipStatusBadge status={mentorship.status} />
          </dd>
          <dt>{t('owner.mentorship.started')}</dt>
          <dd>{formatDate(i18n.language, mentorship.startedAt)}</dd>
          {mentorship.endedAt ? (
            <>
              <dt>{t('owner.mentorship.ended')}</dt>
              <dd>{formatDate(i18n.language, mentorship.endedAt)}</dd>
            </>
          ) : null}
          {mentorship.endReason ? (
            <>
              <dt>{t('owner.mentorship.endReason')}</dt>
              <dd>{mentorship.endReason}</dd>
            </>
          ) : null}
        </dl>
      </div>
    </section>
  );
}
