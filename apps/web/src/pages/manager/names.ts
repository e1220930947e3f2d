import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { graphql } from '../../graphql';

const ORGANIZATION_NAME = graphql(`
  query OrganizationName($id: ID!) {
    organization(id: $id) {
      id
      name
    }
  }
`);

const MENTOR_NAME = graphql(`
  query MentorName($id: ID!) {
    mentorProfile(id: $id) {
      id
      displayName
    }
  }
`);

/** The start of an id, to tell apart what has no name (yet). */
export const shortId = (id: string) => id.slice(0, 8);

/**
 * Names a round's pairs carry, by id: organisations (null once deleted) and mentors. Pass the
 * names known so far to keep them (a removed pair's names stay known for add and swap).
 */
export interface PairNames {
  organizations: ReadonlyMap<string, string | null>;
  mentors: ReadonlyMap<string, string>;
}

export function pairNames(
  pairs: ReadonlyArray<{
    organizationId: string;
    organizationName?: string | null;
    mentorId: string;
    mentorName: string;
  }>,
  known?: PairNames,
): PairNames {
  const organizations = new Map(known?.organizations);
  const mentors = new Map(known?.mentors);
  for (const pair of pairs) {
    organizations.set(pair.organizationId, pair.organizationName ?? null);
    mentors.set(pair.mentorId, pair.mentorName);
  }
  return { organizations, mentors };
}

/**
 * Names of candidates that no pair names (the export gives ids only): read one by one through the
 * client's cache, filled in as they arrive. Ids not found stay out of the map.
 */
function useLookedUpNames(
  kind: 'organization' | 'mentor',
  ids: readonly string[],
): ReadonlyMap<string, string> {
  const client = useClient();
  const [names, setNames] = useState<ReadonlyMap<string, string>>(() => new Map());
  const key = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    let live = true;
    const found = (id: string, name: string | undefined) => {
      if (!live || name === undefined) return;
      setNames((known) => (known.get(id) === name ? known : new Map(known).set(id, name)));
    };
    for (const id of key ? key.split(',') : []) {
      if (kind === 'organization') {
        void client
          .query(ORGANIZATION_NAME, { id }, { requestPolicy: 'cache-first' })
          .toPromise()
          .then((result) => found(id, result.data?.organization.name));
      } else {
        void client
          .query(MENTOR_NAME, { id }, { requestPolicy: 'cache-first' })
          .toPromise()
          .then((result) => found(id, result.data?.mentorProfile.displayName));
      }
    }
    return () => {
      live = false;
    };
  }, [client, kind, key]);
  return names;
}

export interface NameLabels {
  organization(id: string): string;
  mentor(id: string): string;
}

/**
 * Labels for organisations and mentors: the names the pairs carry first; the candidates among
 * `organizationIds` and `mentorIds` that no pair names are looked up; anything else (still) shows
 * the start of its id.
 */
export function useNameLabels(
  known: PairNames,
  organizationIds: readonly string[] = [],
  mentorIds: readonly string[] = [],
): NameLabels {
  const { t } = useTranslation();
  const organizations = useLookedUpNames(
    'organization',
    organizationIds.filter((id) => !known.organizations.has(id)),
  );
  const mentors = useLookedUpNames(
    'mentor',
    mentorIds.filter((id) => !known.mentors.has(id)),
  );
  return {
    organization: (id) => {
      if (known.organizations.has(id)) {
        return known.organizations.get(id) ?? t('manager.review.organizationDeleted', { id: shortId(id) });
      }
      return organizations.get(id) ?? t('manager.review.organizationId', { id: shortId(id) });
    },
    mentor: (id) =>
      known.mentors.get(id) ?? mentors.get(id) ?? t('manager.review.mentorId', { id: shortId(id) }),
  };
}
