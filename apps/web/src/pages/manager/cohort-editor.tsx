import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { SEARCH_MAX } from '../../api/bounds';
import { ErrorNotice } from '../../components/error-notice';
import { CheckboxField, SelectField, TextField } from '../../components/fields';
import { Loading } from '../../components/page';
import { graphql } from '../../graphql';
import { useFormat } from './format';

const SEARCH_ORGANIZATIONS = graphql(`
  query CohortOrganizationSearch($filter: OrganizationFilterInput) {
    organizations(filter: $filter, first: 25) {
      totalCount
      nodes {
        id
        name
        city
        womenLed
        locality
        sizeClass
        economy {
          code
          name
        }
      }
    }
  }
`);

const SEARCH_MENTORS = graphql(`
  query CohortMentorSearch($filter: MentorFilterInput) {
    mentors(filter: $filter, first: 25) {
      totalCount
      nodes {
        id
        displayName
        headline
        capacity
        economy {
          code
          name
        }
      }
    }
  }
`);

const ADD_MEMBERS = graphql(`
  mutation AddProgramMembers($programId: ID!, $organizationIds: [ID!]!, $mentorIds: [ID!]!) {
    addProgramMembers(programId: $programId, organizationIds: $organizationIds, mentorIds: $mentorIds) {
      id
      cohort {
        organizations
        mentors
      }
    }
  }
`);

const REMOVE_MEMBERS = graphql(`
  mutation RemoveProgramMembers($programId: ID!, $organizationIds: [ID!]!, $mentorIds: [ID!]!) {
    removeProgramMembers(programId: $programId, organizationIds: $organizationIds, mentorIds: $mentorIds) {
      id
      cohort {
        organizations
        mentors
      }
    }
  }
`);

type Kind = 'organizations' | 'mentors';

/**
 * Adds organisations and mentors to a programme's cohort, or takes them out: search, tick, then
 * add or remove the ticked ones. (The API gives the cohort's counts, not its members.)
 */
export function CohortEditor({
  programId,
  economies,
  onChanged,
}: {
  programId: string;
  economies: ReadonlyArray<{ code: string; name: string }>;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  return (
    <details className="card">
      <summary>{t('manager.cohort.manage')}</summary>
      <p className="hint">{t('manager.cohort.manageHelp')}</p>
      <div className="grid-2">
        <MemberSearch
          kind="organizations"
          programId={programId}
          economies={economies}
          onChanged={onChanged}
        />
        <MemberSearch kind="mentors" programId={programId} economies={economies} onChanged={onChanged} />
      </div>
    </details>
  );
}

function MemberSearch({
  kind,
  programId,
  economies,
  onChanged,
}: {
  kind: Kind;
  programId: string;
  economies: ReadonlyArray<{ code: string; name: string }>;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [search, setSearch] = useState('');
  const [economy, setEconomy] = useState(economies[0]?.code ?? '');
  const [applied, setApplied] = useState<{ search: string; economy: string } | null>(null);
  const [ticked, setTicked] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [added, add] = useMutation(ADD_MEMBERS);
  const [removed, remove] = useMutation(REMOVE_MEMBERS);
  const filter = {
    search: applied?.search || undefined,
    economy: applied?.economy || undefined,
  };
  const [orgs] = useQuery({
    query: SEARCH_ORGANIZATIONS,
    variables: { filter },
    pause: kind !== 'organizations' || !applied,
  });
  const [mentors] = useQuery({
    query: SEARCH_MENTORS,
    variables: { filter },
    pause: kind !== 'mentors' || !applied,
  });
  const found = kind === 'organizations' ? orgs : mentors;
  const rows: Array<{ id: string; label: string; detail: ReactNode }> =
    kind === 'organizations'
      ? (orgs.data?.organizations.nodes ?? []).map((o) => ({
          id: o.id,
          label: o.name,
          detail: [
            o.city ? `${o.city}, ${o.economy.name}` : o.economy.name,
            t(`domain.localities.${o.locality}`),
            t(`manager.sizeClasses.${o.sizeClass}`),
            o.womenLed ? t('manager.cohort.womenLed') : null,
          ]
            .filter(Boolean)
            .join(' · '),
        }))
      : (mentors.data?.mentors.nodes ?? []).map((m) => ({
          id: m.id,
          label: m.displayName,
          detail: `${m.headline} · ${m.economy.name} · ${t('manager.cohort.capacity', { places: m.capacity })}`,
        }));
  const total =
    kind === 'organizations' ? orgs.data?.organizations.totalCount : mentors.data?.mentors.totalCount;

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    setTicked([]);
    setDone(null);
    setApplied({ search: search.trim(), economy });
  };
  const change = async (action: 'add' | 'remove') => {
    setDone(null);
    const variables = {
      programId,
      organizationIds: kind === 'organizations' ? ticked : [],
      mentorIds: kind === 'mentors' ? ticked : [],
    };
    const response = action === 'add' ? await add(variables) : await remove(variables);
    const program =
      response.data && 'addProgramMembers' in response.data
        ? response.data.addProgramMembers
        : response.data && 'removeProgramMembers' in response.data
          ? response.data.removeProgramMembers
          : null;
    if (program) {
      setTicked([]);
      setDone(
        t('manager.cohort.updated', {
          organizations: format.number(program.cohort.organizations),
          mentors: format.number(program.cohort.mentors),
        }),
      );
      onChanged();
    }
  };

  const heading = t(`manager.cohort.${kind}`);
  const busy = added.fetching || removed.fetching;
  return (
    <section aria-label={heading}>
      <h3>{heading}</h3>
      <form className="form" role="search" onSubmit={submitSearch}>
        <TextField
          label={t(
            kind === 'organizations' ? 'manager.cohort.searchOrganizations' : 'manager.cohort.searchMentors',
          )}
          type="search"
          maxLength={SEARCH_MAX}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <SelectField
          label={t(kind === 'organizations' ? 'manager.cohort.economy' : 'manager.cohort.mentorEconomy')}
          value={economy}
          onChange={(e) => setEconomy(e.target.value)}
          options={[
            ...(kind === 'mentors' ? [{ value: '', label: t('manager.cohort.anyEconomy') }] : []),
            ...economies.map((e) => ({ value: e.code, label: e.name })),
          ]}
        />
        <div className="actions">
          <button type="submit" className="button-secondary">
            {t('manager.cohort.search')}
          </button>
        </div>
      </form>
      <ErrorNotice error={found.error ?? added.error ?? removed.error} />
      {found.fetching && !found.data ? <Loading /> : null}
      {applied && found.data ? (
        <>
          <p className="meta" role="status">
            {t('manager.cohort.found', {
              total: format.number(total ?? 0),
              shown: format.number(rows.length),
            })}
          </p>
          {rows.length > 0 ? (
            <fieldset>
              <legend>{t('manager.cohort.choose')}</legend>
              {rows.map((row) => (
                <CheckboxField
                  key={row.id}
                  label={row.label}
                  help={row.detail}
                  checked={ticked.includes(row.id)}
                  onChange={(e) =>
                    setTicked((now) =>
                      e.target.checked ? [...now, row.id] : now.filter((id) => id !== row.id),
                    )
                  }
                />
              ))}
            </fieldset>
          ) : null}
          <div className="actions">
            <button type="button" disabled={busy || ticked.length === 0} onClick={() => void change('add')}>
              {t('manager.cohort.add')}
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={busy || ticked.length === 0}
              onClick={() => void change('remove')}
            >
              {t('manager.cohort.remove')}
            </button>
          </div>
        </>
      ) : null}
      {done ? (
        <p className="notice notice-ok" role="status">
          {done}
        </p>
      ) : null}
    </section>
  );
}
