import { graphql, type ResultOf } from '../../graphql';

/*
 * The round page's queries and the Round type, apart from the components: the page and its review
 * section both use them, and neither imports the other's module for them.
 */

export const ROUND = graphql(`
  query ManagerRound($id: ID!) {
    matchingRound(id: $id) {
      id
      programId
      algorithm
      status
      progress
      error
      createdAt
      finishedAt
      publishedAt
      maxMentorsPerOrganization
      minWomenLedShare
      minNonMetropolitanShare
      summary {
        candidates
        organizations
        pairs
        totalScore
        optimalTotal
        gapToOptimal
        upperBound
        gapToBound
        seconds
        unmatched {
          noCandidates
          noCapacityLeft
          notChosen
        }
        womenLed {
          cohortShare
          matchedShare
          required
        }
        nonMetropolitan {
          cohortShare
          matchedShare
          required
        }
      }
      pairs {
        organizationId
        organizationName
        mentorId
        mentorName
        score
        breakdown {
          code
          points
          maxPoints
          reason
        }
      }
    }
  }
`);

export const ROUND_PROGRAM = graphql(`
  query RoundProgram($id: ID!) {
    program(id: $id) {
      id
      name
    }
  }
`);

export type Round = ResultOf<typeof ROUND>['matchingRound'];
export type RoundSummaryFields = NonNullable<Round['summary']>;
