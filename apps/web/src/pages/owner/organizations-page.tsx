import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../components/error-notice';
import { Loading, Page } from '../../components/page';
import { graphql } from '../../graphql';
import { OrganizationBadges } from './organization-badges';
import './owner.css';

const MY_ORGANIZATIONS = graphql(`
  query MyOrganizations {
    organizations(filter: { mine: true }, first: 100) {
      totalCount
      nodes {
        id
        name
        kind
        city
        economy {
          code
          name
        }
        isicDivision {
          code
          title
        }
        locality
        sizeClass
        womenLed
        womenOwned
        youthLed
        socialEnterprise
        openRequests
        activeMentorships
      }
    }
  }
`);

/** The owner's organisations, each a way to its recommended mentors. */
export function OrganizationsPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const deleted = (location.state as { deleted?: string } | null)?.deleted;
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MY_ORGANIZATIONS,
    context: ORGANIZATION_CONTEXT,
  });
  const nodes = data?.organizations.nodes ?? [];
  return (
    <Page
      title={t('owner.organizations.title')}
      actions={
        <Link to="/organizations/new" className="button">
          {t('owner.organizations.add')}
        </Link>
      }
    >
      {deleted ? (
        <p className="notice notice-ok" role="status">
          {t('owner.organizations.deleted', { name: deleted })}
        </p>
      ) : null}
      <p className="lead">{t('owner.organizations.intro')}</p>
      <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {fetching && !data ? <Loading /> : null}
      {data && nodes.length === 0 ? (
        <div className="notice">
          <p>{t('owner.organizations.empty')}</p>
          <p>
            <Link to="/organizations/new">{t('owner.organizations.addFirst')}</Link>
          </p>
        </div>
      ) : null}
      <ul className="cards">
        {nodes.map((org) => (
          <li key={org.id} className="card">
            <h2>
              <Link to={`/organizations/${org.id}`}>{org.name}</Link>
            </h2>
            <p className="meta">
              {[t(`domain.kinds.${org.kind}`), org.isicDivision.title, org.city, org.economy.name]
                .filter(Boolean)
                .join(' · ')}
            </p>
            <OrganizationBadges org={org} />
            <p>
              {t('owner.organizations.activity', {
                open: org.openRequests,
                active: org.activeMentorships,
              })}
            </p>
            <div className="actions">
              <Link to={`/organizations/${org.id}`}>
                {t('owner.organizations.seeMentors', { name: org.name })}
              </Link>
              <Link to={`/organizations/${org.id}/edit`}>
                {t('owner.organizations.edit', { name: org.name })}
              </Link>
            </div>
          </li>
        ))}
      </ul>
    </Page>
  );
}

/** A new organisation is refetched into the list even when the list was empty. */
const ORGANIZATION_CONTEXT = { additionalTypenames: ['Organization'] };
