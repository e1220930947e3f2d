import { graphql, type ResultOf } from '../../../graphql';

export const MENTORSHIP = graphql(`
  query MentorshipPage($id: ID!) {
    mentorship(id: $id) {
      id
      status
      startedAt
      endedAt
      endReason
      mentor {
        id
        displayName
        headline
        economy {
          code
          name
        }
      }
      organization {
        id
        name
        city
        economy {
          code
          name
        }
        owner {
          id
          displayName
        }
      }
      goals {
        id
        title
        status
        createdAt
        updatedAt
      }
      sessions {
        id
        heldOn
        minutes
        topics
        notes
        createdAt
      }
      feedback {
        side
        rating
        comment
        submittedAt
      }
      outcomes {
        id
        kind
        economies
        financingBand
        jobsCreated
        note
        reportedAt
        caseStudy
        caseStudyNarrative
      }
    }
  }
`);

export type MentorshipData = ResultOf<typeof MENTORSHIP>['mentorship'];
export type Side = 'ORGANIZATION' | 'MENTOR';

export const MY_MENTOR_PROFILE_ID = graphql(`
  query MyMentorProfileId {
    myMentorProfile {
      id
    }
  }
`);

export const ADD_GOAL = graphql(`
  mutation AddMentorshipGoal($mentorshipId: ID!, $title: String!) {
    addMentorshipGoal(mentorshipId: $mentorshipId, title: $title) {
      id
      title
      status
      createdAt
      updatedAt
    }
  }
`);

export const UPDATE_GOAL = graphql(`
  mutation UpdateMentorshipGoal($id: ID!, $status: GoalStatus) {
    updateMentorshipGoal(id: $id, status: $status) {
      id
      title
      status
      updatedAt
    }
  }
`);

export const LOG_SESSION = graphql(`
  mutation LogMentorshipSession($mentorshipId: ID!, $input: LogSessionInput!) {
    logMentorshipSession(mentorshipId: $mentorshipId, input: $input) {
      id
      heldOn
      minutes
      topics
      notes
      createdAt
    }
  }
`);

export const COMPLETE_MENTORSHIP = graphql(`
  mutation CompleteMentorship($id: ID!) {
    completeMentorship(id: $id) {
      id
      status
      endedAt
      endReason
    }
  }
`);

export const END_MENTORSHIP = graphql(`
  mutation EndMentorship($id: ID!, $reason: String!) {
    endMentorship(id: $id, reason: $reason) {
      id
      status
      endedAt
      endReason
    }
  }
`);

export const SUBMIT_FEEDBACK = graphql(`
  mutation SubmitMentorshipFeedback($mentorshipId: ID!, $rating: Int!, $comment: String) {
    submitMentorshipFeedback(mentorshipId: $mentorshipId, rating: $rating, comment: $comment) {
      side
      rating
      comment
      submittedAt
    }
  }
`);

export const REPORT_OUTCOMES = graphql(`
  mutation ReportMentorshipOutcomes($mentorshipId: ID!, $outcomes: [OutcomeInput!]!) {
    reportMentorshipOutcomes(mentorshipId: $mentorshipId, outcomes: $outcomes) {
      id
      kind
      economies
      financingBand
      jobsCreated
      note
      reportedAt
      caseStudy
    }
  }
`);

/** Every change on the page refetches the mentorship (and the list of mentorships). */
export const REFRESH = { additionalTypenames: ['Mentorship'] };

export const GOAL_TITLE_MAX = 200;
export const NOTES_MAX = 4000;
export const END_REASON_MAX = 1000;
export const FEEDBACK_COMMENT_MAX = 2000;
