import { graphql } from '../../graphql';

/** Everything the organisation page and the edit form show of an organisation. */
export const ORGANIZATION_FIELDS = graphql(`
  fragment OwnerOrganizationFields on Organization {
    id
    name
    description
    kind
    isicDivision {
      code
      title
      section {
        code
        title
      }
    }
    economy {
      code
      name
    }
    city
    locality
    cluster
    employees
    sizeClass
    foundedYear
    womenOwnershipPercent
    womanInTopManagement
    boardWomenPercent
    womenOwned
    womenLed
    youthLed
    socialEnterprise
    prefersWomanMentor
    mentorsWanted
    needs {
      code
      label
    }
    targetEconomies {
      code
      name
    }
    languages {
      code
      name
    }
    openRequests
    activeMentorships
    owner {
      id
    }
    updatedAt
  }
`);

export const ORGANIZATION = graphql(
  `
    query OwnerOrganization($id: ID!) {
      organization(id: $id) {
        ...OwnerOrganizationFields
      }
    }
  `,
  [ORGANIZATION_FIELDS],
);

export const CREATE_ORGANIZATION = graphql(
  `
    mutation CreateOrganization($input: CreateOrganizationInput!) {
      createOrganization(input: $input) {
        ...OwnerOrganizationFields
      }
    }
  `,
  [ORGANIZATION_FIELDS],
);

export const UPDATE_ORGANIZATION = graphql(
  `
    mutation UpdateOrganization($id: ID!, $input: UpdateOrganizationInput!) {
      updateOrganization(id: $id, input: $input) {
        ...OwnerOrganizationFields
      }
    }
  `,
  [ORGANIZATION_FIELDS],
);

export const DELETE_ORGANIZATION = graphql(`
  mutation DeleteOrganization($id: ID!) {
    deleteOrganization(id: $id) {
      id
    }
  }
`);
