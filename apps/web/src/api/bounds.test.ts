import { buildSchema, isInputObjectType, isObjectType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import schemaText from '../../../../schema.gql?raw';
import { DESCRIPTION_MAX, FOUNDED_YEAR_MIN, NAME_MAX } from '../pages/owner/organization-form';
import {
  END_REASON_MAX,
  FEEDBACK_COMMENT_MAX,
  GOAL_TITLE_MAX,
  NOTES_MAX,
} from '../pages/owner/mentorship/documents';
import { GOALS_MAX, GOAL_MAX, MESSAGE_MAX } from '../pages/owner/request-form';
import {
  BIO_MAX,
  DATE_MAX,
  DATE_MIN,
  DECLINE_COMMENT_MAX,
  DISPLAY_NAME_MAX,
  EMAIL_MAX,
  HEADLINE_MAX,
  PASSWORD_MAX,
  PASSWORD_MIN,
  PROGRAM_NAME_MAX,
  SEARCH_MAX,
} from './bounds';

const schema: GraphQLSchema = buildSchema(schemaText);

/** The description of `Type.field` (an input field) or `Type.field(arg)` (an argument). */
function description(where: string): string {
  const [, typeName, fieldName, argName] = /^(\w+)\.(\w+)(?:\((\w+)\))?$/.exec(where) ?? [];
  const type = schema.getType(typeName);
  if (argName && isObjectType(type)) {
    return type.getFields()[fieldName]?.args.find((a) => a.name === argName)?.description ?? '';
  }
  if (isInputObjectType(type)) return type.getFields()[fieldName]?.description ?? '';
  throw new Error(`No ${where} in schema.gql`);
}

/** [min, max] from "1 to 200 characters." or "Up to 4000 characters." */
function lengthOf(where: string): [number, number] {
  const match = /(?:up to|(\d+) to) (\d+) characters/i.exec(description(where));
  if (!match) throw new Error(`${where} documents no length: "${description(where)}"`);
  return [Number(match[1] ?? 0), Number(match[2])];
}

describe('form bounds agree with what the API documents (and enforces)', () => {
  it.each<[string, number]>([
    ['RegisterInput.displayName', DISPLAY_NAME_MAX],
    ['CreateUserInput.displayName', DISPLAY_NAME_MAX],
    ['RegisterInput.email', EMAIL_MAX],
    ['CreateUserInput.email', EMAIL_MAX],
    ['Mutation.login(email)', EMAIL_MAX],
    ['RegisterInput.password', PASSWORD_MAX],
    ['CreateUserInput.password', PASSWORD_MAX],
    ['Mutation.login(password)', PASSWORD_MAX],
    ['OrganizationFilterInput.search', SEARCH_MAX],
    ['MentorFilterInput.search', SEARCH_MAX],
    ['Query.users(search)', SEARCH_MAX],
    ['CreateOrganizationInput.name', NAME_MAX],
    ['CreateOrganizationInput.city', NAME_MAX],
    ['CreateOrganizationInput.cluster', NAME_MAX],
    ['CreateOrganizationInput.description', DESCRIPTION_MAX],
    ['UpsertMentorProfileInput.headline', HEADLINE_MAX],
    ['UpsertMentorProfileInput.bio', BIO_MAX],
    ['RequestMentorshipInput.message', MESSAGE_MAX],
    ['Mutation.declineMentorshipRequest(comment)', DECLINE_COMMENT_MAX],
    ['Mutation.addMentorshipGoal(title)', GOAL_TITLE_MAX],
    ['Mutation.updateMentorshipGoal(title)', GOAL_TITLE_MAX],
    ['LogSessionInput.notes', NOTES_MAX],
    ['OutcomeInput.note', NOTES_MAX],
    ['Mutation.endMentorship(reason)', END_REASON_MAX],
    ['Mutation.submitMentorshipFeedback(comment)', FEEDBACK_COMMENT_MAX],
    ['CreateProgramInput.name', PROGRAM_NAME_MAX],
  ])('%s: at most %d characters', (where, max) => {
    expect(lengthOf(where)[1]).toBe(max);
  });

  it('passwords: at least as many characters as the forms ask for', () => {
    expect(lengthOf('RegisterInput.password')[0]).toBe(PASSWORD_MIN);
    expect(lengthOf('CreateUserInput.password')[0]).toBe(PASSWORD_MIN);
  });

  it('request goals: as many, and as long, as the request form allows', () => {
    expect(description('RequestMentorshipInput.goals')).toBe(
      `Up to ${GOALS_MAX} goals, each up to ${GOAL_MAX} characters.`,
    );
  });

  it.each(['CreateProgramInput.startsOn', 'CreateProgramInput.endsOn', 'ProgramReportFilterInput.from'])(
    '%s: the date range the forms offer',
    (where) => {
      expect(description(where)).toContain(`from ${DATE_MIN} to ${DATE_MAX}`);
    },
  );

  it('founding year: from the year the organisation form starts at', () => {
    expect(description('CreateOrganizationInput.foundedYear')).toContain(`From ${FOUNDED_YEAR_MIN}`);
  });
});
