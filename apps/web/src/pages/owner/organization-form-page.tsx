import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice } from '../../components/error-notice';
import { Loading, Page } from '../../components/page';
import { readFragment, type ResultOf } from '../../graphql';
import {
  CREATE_ORGANIZATION,
  DELETE_ORGANIZATION,
  ORGANIZATION,
  ORGANIZATION_FIELDS,
  UPDATE_ORGANIZATION,
} from './organization-documents';
import {
  EMPTY_ORGANIZATION,
  OrganizationForm,
  toInput,
  type OrganizationFormValues,
  type OrganizationInput,
} from './organization-form';
import { discardDraft } from '../../components/use-draft';

type OrganizationData = ResultOf<typeof ORGANIZATION_FIELDS>;

/** The stored organisation as form values (percentages as typed numbers, lists of codes). */
export function valuesOf(org: OrganizationData): OrganizationFormValues {
  return {
    name: org.name,
    description: org.description,
    kind: org.kind,
    isicSection: org.isicDivision.section.code,
    isicDivision: org.isicDivision.code,
    economy: org.economy.code,
    city: org.city,
    locality: org.locality,
    cluster: org.cluster ?? '',
    employees: String(org.employees),
    foundedYear: org.foundedYear === null ? '' : String(org.foundedYear),
    womenOwnershipPercent: String(org.womenOwnershipPercent),
    womanInTopManagement: org.womanInTopManagement,
    hasBoard: org.boardWomenPercent !== null,
    boardWomenPercent: org.boardWomenPercent === null ? '' : String(org.boardWomenPercent),
    youthLed: org.youthLed,
    socialEnterprise: org.socialEnterprise,
    prefersWomanMentor: org.prefersWomanMentor,
    mentorsWanted: String(org.mentorsWanted),
    needs: org.needs.map((n) => n.code),
    targetEconomies: org.targetEconomies.map((e) => e.code),
    languages: org.languages.map((l) => l.code),
  };
}

/** Only the inputs that differ from what is stored: concurrent edits of other fields survive. */
export function changedInput(
  before: OrganizationInput,
  after: OrganizationInput,
): Partial<OrganizationInput> {
  const same = (a: unknown, b: unknown) =>
    Array.isArray(a) && Array.isArray(b)
      ? a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n')
      : a === b;
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after) as Array<keyof OrganizationInput>) {
    if (!same(before[key], after[key])) changes[key] = after[key];
  }
  return changes as Partial<OrganizationInput>;
}

export function NewOrganizationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [result, create] = useMutation(CREATE_ORGANIZATION);
  const save = async (values: OrganizationFormValues) => {
    const response = await create({ input: toInput(values) }, { additionalTypenames: ['Organization'] });
    const created = response.data
      ? readFragment(ORGANIZATION_FIELDS, response.data.createOrganization)
      : null;
    if (created) {
      discardDraft(NEW_DRAFT);
      void navigate(`/organizations/${created.id}`, { state: { saved: 'created' } });
    }
  };
  return (
    <Page title={t('owner.orgForm.newTitle')}>
      <p className="lead">{t('owner.orgForm.intro')}</p>
      <OrganizationForm
        draftKey={NEW_DRAFT}
        initial={EMPTY_ORGANIZATION}
        submitLabel={t('owner.orgForm.create')}
        submittingLabel={t('common.saving')}
        saving={result.fetching}
        error={result.error}
        onSubmit={(values) => void save(values)}
        cancel={
          <Link to="/organizations" className="button button-secondary">
            {t('common.cancel')}
          </Link>
        }
      />
    </Page>
  );
}

const NEW_DRAFT = 'organization.new';

export function EditOrganizationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ORGANIZATION, variables: { id } });
  const org = data ? readFragment(ORGANIZATION_FIELDS, data.organization) : null;
  return (
    <Page
      title={org ? t('owner.orgForm.editTitle', { name: org.name }) : t('owner.orgForm.editTitleLoading')}
    >
      <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {fetching && !org ? <Loading /> : null}
      {/* Keyed by the record, so the form starts from it once and keeps what the user types. */}
      {org ? <EditOrganization key={org.id} org={org} /> : null}
    </Page>
  );
}

function EditOrganization({ org }: { org: OrganizationData }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [initial] = useState(() => valuesOf(org));
  const [result, update] = useMutation(UPDATE_ORGANIZATION);
  const save = async (values: OrganizationFormValues) => {
    const input = changedInput(toInput(initial), toInput(values));
    if (Object.keys(input).length === 0) {
      void navigate(`/organizations/${org.id}`);
      return;
    }
    const response = await update({ id: org.id, input }, { additionalTypenames: ['Organization'] });
    if (response.data) {
      discardDraft(`organization.${org.id}`);
      void navigate(`/organizations/${org.id}`, { state: { saved: 'updated' } });
    }
  };
  return (
    <>
      <OrganizationForm
        draftKey={`organization.${org.id}`}
        initial={initial}
        submitLabel={t('owner.orgForm.save')}
        submittingLabel={t('common.saving')}
        saving={result.fetching}
        error={result.error}
        onSubmit={(values) => void save(values)}
        cancel={
          <Link to={`/organizations/${org.id}`} className="button button-secondary">
            {t('common.cancel')}
          </Link>
        }
      />
      <DeleteOrganization id={org.id} name={org.name} />
    </>
  );
}

/** Deleting asks once more, and says what it does to open requests. */
function DeleteOrganization({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [result, remove] = useMutation(DELETE_ORGANIZATION);
  const confirm = async () => {
    const response = await remove({ id }, { additionalTypenames: ['Organization'] });
    if (response.data) void navigate('/organizations', { state: { deleted: name } });
  };
  return (
    <section className="danger-zone" aria-labelledby="org-delete">
      <h2 id="org-delete">{t('owner.orgForm.deleteTitle')}</h2>
      <p>{t('owner.orgForm.deleteHelp')}</p>
      <ErrorNotice error={result.error} />
      {confirming ? (
        <div className="actions" role="group" aria-label={t('owner.orgForm.deleteTitle')}>
          <p>{t('owner.orgForm.deleteConfirm', { name })}</p>
          <button
            type="button"
            className="button-danger"
            disabled={result.fetching}
            onClick={() => void confirm()}
          >
            {t('owner.orgForm.deleteYes')}
          </button>
          <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="button-secondary" onClick={() => setConfirming(true)}>
          {t('owner.orgForm.delete')}
        </button>
      )}
    </section>
  );
}
