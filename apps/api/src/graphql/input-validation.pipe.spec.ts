import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode } from '@app/common';
import { InputValidationPipe } from './input-validation.pipe';
import { ReportOutcomesArgs, RequestMentorshipInput } from '../inputs/mentorship.input';
import { OrganizationModel } from '../models/organization.model';
import { PageArgs } from '../inputs/page.args';

describe('InputValidationPipe', () => {
  const pipe = new InputValidationPipe();

  it('validates GraphQL arguments (type "3") and rejects bad ones', async () => {
    await expect(
      pipe.transform({ first: 500 }, { type: '3' as never, metatype: PageArgs }),
    ).rejects.toThrow();
    const ok = await pipe.transform({ first: 5 }, { type: '3' as never, metatype: PageArgs });
    expect(ok).toBeInstanceOf(PageArgs);
  });

  it('passes parent objects (type "0") through untouched, same instance', async () => {
    const parent = { id: 'x', ownerId: null } as unknown as OrganizationModel;
    expect(await pipe.transform(parent, { type: '0' as never, metatype: OrganizationModel })).toBe(parent);
  });
});

describe('InputValidationPipe refusals', () => {
  const pipe = new InputValidationPipe();
  const refusal = async (value: unknown, metatype: new () => unknown, data?: string) => {
    try {
      await pipe.transform(value, { type: '3' as never, metatype, data });
    } catch (error) {
      return error as DomainError;
    }
    throw new Error('expected a refusal');
  };

  it('is BAD_USER_INPUT naming the first wrong field, with the problems', async () => {
    const error = await refusal({ first: 500 }, PageArgs);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.details).toEqual({ field: 'first', problems: ['first must not be greater than 100'] });
    expect(error.message).toBe('Invalid input: first must not be greater than 100');
  });

  it('names a field of an input argument by the argument’s path', async () => {
    const error = await refusal(
      { organizationId: randomUUID(), mentorId: randomUUID(), message: 'x'.repeat(2001) },
      RequestMentorshipInput,
      'input',
    );
    expect(error.details?.field).toBe('input.message');
    expect(error.details?.problems).toEqual(['message must be shorter than or equal to 2000 characters']);
  });

  it('names a nested field down to the list item', async () => {
    const error = await refusal(
      { mentorshipId: randomUUID(), outcomes: [{ kind: 'NONE' }, { kind: 'NONE', note: 'x'.repeat(4001) }] },
      ReportOutcomesArgs,
    );
    expect(error.details?.field).toBe('outcomes.1.note');
  });
});
