import { useEffect, useState } from 'react';
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

/**
 * Names of organisations or mentors known only by id (matching rounds give ids): read one by one
 * through the client's cache, filled in as they arrive. Ids not found stay out of the map.
 */
export function useNames(
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
