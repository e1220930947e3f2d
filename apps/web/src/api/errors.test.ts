import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { errorField, rejectedFields } from './errors';

const error = (extensions: Record<string, unknown>) =>
  new CombinedError({ graphQLErrors: [{ message: 'Invalid input', extensions }] });

describe('rejectedFields', () => {
  it('reads a single field, a list of fields, and the validator’s sentences', () => {
    expect([...rejectedFields(error({ code: 'BAD_USER_INPUT', field: 'heldOn' }))]).toEqual(['heldOn']);
    expect([
      ...rejectedFields(
        error({
          code: 'BAD_USER_INPUT',
          fields: [
            { field: 'name', message: 'is required' },
            { field: 'languages', message: 'at least one language is required' },
          ],
        }),
      ),
    ]).toEqual(['name', 'languages']);
    expect([
      ...rejectedFields(
        error({
          code: 'BAD_USER_INPUT',
          problems: [
            'womenOwnershipPercent must not be greater than 100',
            'outcomes.0.jobsCreated must be an integer',
          ],
        }),
      ),
    ]).toEqual(['womenOwnershipPercent', 'jobsCreated']);
  });

  it('reads an argument path as the form field it ends in', () => {
    expect([...rejectedFields(error({ code: 'BAD_USER_INPUT', field: 'input.displayName' }))]).toEqual([
      'displayName',
    ]);
    expect([...rejectedFields(error({ code: 'BAD_USER_INPUT', field: 'input.goals.1' }))]).toEqual(['goals']);
    expect(errorField(error({ code: 'BAD_USER_INPUT', field: 'input.email' }))).toBe('email');
    expect(errorField(error({ code: 'BAD_USER_INPUT', field: 'comment' }))).toBe('comment');
  });

  it('names nothing for other errors', () => {
    expect(rejectedFields(error({ code: 'CONFLICT', field: 'name' })).size).toBe(0);
    expect(rejectedFields(null).size).toBe(0);
  });
});
