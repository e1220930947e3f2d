import { InputValidationPipe } from './input-validation.pipe';
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
