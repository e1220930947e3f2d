import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../../auth/session';
import { ErrorNotice } from '../../components/error-notice';
import { Loading, Page } from '../../components/page';
import { readFragment, type ResultOf } from '../../graphql';
import { formatNumber, formatPercent } from './format';
import { OrganizationBadges } from './organization-badges';
import { ORGANIZATION, ORGANIZATION_FIELDS } from './organization-documents';
import { Recommendations } from './recommendations';
import { useReference } from '../../api/reference';
import './owner.css';

type OrganizationData = ResultOf<typeof ORGANIZATION_FIELDS>;

const CONTEXT = { additionalTypenames: ['Organization'] };

/** An organisation: its facts (with what the server derived), then its recommended mentors. */
export function OrganizationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const { user, hasRole } = useSession();
  const saved = (location.state as { saved?: 'created' | 'updated' } | null)?.saved;
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ORGANIZATION,
    variables: { id },
    context: CONTEXT,
  });
  const org = data ? readFragment(ORGANIZATION_FIELDS, data.organization) : null;
  const isOwner = Boolean(org && user && org.owner?.id === user.id);
  // As the API allows: the owner, admins, and managers of its economy for unowned organisations.
  const canEdit = isOwner || hasRole('ADMIN') || Boolean(org && !org.owner && hasRole('PROGRAM_MANAGER'));
  return (
    <Page
      title={org?.name ?? t('owner.organization.loadingTitle')}
      actions={
        org && canEdit ? (
          <Link to={`/organizations/${org.id}/edit`} className="button button-secondary">
            {t('owner.organization.edit')}
          </Link>
        ) : null
      }
    >
      {saved ? (
        <p className="notice notice-ok" role="status">
          {t(saved === 'created' ? 'owner.organization.created' : 'owner.organization.updated')}
        </p>
      ) : null}
      <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {fetching && !org ? <Loading /> : null}
      {org ? (
        <>
          <OrganizationFacts org={org} />
          <Recommendations
            organizationId={org.id}
            organizationLanguages={org.languages}
            organizationEconomy={org.economy.code}
            canAct={isOwner}
          />
        </>
      ) : null}
    </Page>
  );
}

function OrganizationFacts({ org }: { org: OrganizationData }) {
  const { t, i18n } = useTranslation();
  const reference = useReference();
  const lang = i18n.language;
  const yesNo = (b: boolean) => (b ? t('common.yes') : t('common.no'));
  const list = (items: string[]) => (items.length > 0 ? items.join(', ') : t('common.none'));
  const facts: Array<[string, string]> = [
    [t('owner.organization.kind'), t(`domain.kinds.${org.kind}`)],
    [
      t('owner.organization.sector'),
      `${org.isicDivision.section.code} · ${org.isicDivision.section.title} — ${org.isicDivision.code} · ${org.isicDivision.title}`,
    ],
    [t('owner.organization.economy'), org.economy.name],
    [t('owner.organization.city'), org.city || t('common.none')],
    [t('owner.organization.locality'), t(`domain.localities.${org.locality}`)],
    [t('owner.organization.cluster'), org.cluster ?? t('common.none')],
    [
      t('owner.organization.employees'),
      t('owner.organization.employeesValue', {
        count: org.employees,
        employees: formatNumber(lang, org.employees),
        size: t(`owner.sizeClass.${org.sizeClass}`),
      }),
    ],
    [
      t('owner.organization.foundedYear'),
      org.foundedYear === null ? t('common.none') : String(org.foundedYear),
    ],
    [t('owner.organization.womenOwnershipPercent'), formatPercent(lang, org.womenOwnershipPercent)],
    [t('owner.organization.womanInTopManagement'), yesNo(org.womanInTopManagement)],
    [
      t('owner.organization.board'),
      org.boardWomenPercent === null
        ? t('owner.organization.noBoard')
        : t('owner.organization.boardWomen', { percent: formatPercent(lang, org.boardWomenPercent) }),
    ],
    [t('owner.organization.womenOwned'), yesNo(org.womenOwned)],
    [t('owner.organization.womenLed'), yesNo(org.womenLed)],
    [t('owner.organization.youthLed'), yesNo(org.youthLed)],
    [t('owner.organization.socialEnterprise'), yesNo(org.socialEnterprise)],
    [
      t('owner.organization.languages'),
      list(org.languages.map((l) => reference.languageName(l.code, l.name))),
    ],
    [t('owner.organization.needs'), list(org.needs.map((n) => reference.topicLabel(n.code, n.label)))],
    [t('owner.organization.targetEconomies'), list(org.targetEconomies.map((e) => e.name))],
    [t('owner.organization.mentorsWanted'), String(org.mentorsWanted)],
    [t('owner.organization.prefersWomanMentor'), yesNo(org.prefersWomanMentor)],
    [t('owner.organization.openRequests'), String(org.openRequests)],
    [t('owner.organization.activeMentorships'), String(org.activeMentorships)],
  ];
  return (
    <section aria-labelledby="org-facts">
      <h2 id="org-facts">{t('owner.organization.facts')}</h2>
      <OrganizationBadges org={org} />
      {org.description ? <p>{org.description}</p> : null}
      <div className="card">
        <dl className="facts">
          {facts.map(([term, value]) => (
            <Fragment key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </Fragment>
          ))}
        </dl>
      </div>
      <p className="hint">{t('owner.organization.derivedNote')}</p>
    </section>
  );
}
