import { Role } from '@app/common';
import { ORGANIZATION_FIELDS, organizationInput } from '@app/testing';
import { startTestApp, type SignedIn, type TestApp } from '@app/testing/test-app';
import { createApiApp } from '../../apps/api/src/bootstrap';

const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { ${ORGANIZATION_FIELDS} } }`;
const GET = `query($id: ID!) { organization(id: $id) { ${ORGANIZATION_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { ${ORGANIZATION_FIELDS} } }`;
const DELETE = `mutation($id: ID!) { deleteOrganization(id: $id) { id } }`;

describe(`organizations (${process.env.TEST_MODE ?? 'embedded'})`, () => {
  let t: TestApp;
  let owner: SignedIn;
  let other: SignedIn;

  beforeAll(async () => {
    t = await startTestApp(createApiApp);
    owner = await t.signUp(Role.MSME_OWNER);
    other = await t.signUp(Role.MSME_OWNER);
  });
  afterAll(() => t?.close());

  it('creates an organisation and derives women-owned, women-led and size class (IFC)', async () => {
    const { createOrganization: org } = await owner.client.data(CREATE, { input: organizationInput() });
    expect(org).toMatchObject({
      name: 'Chiang Mai Coffee Roasters',
      economy: { code: 'TH', name: 'Thailand' },
      isicDivision: { code: '10', section: { code: 'C' } },
      sizeClass: 'SMALL',
      womenOwned: true,
      womenLed: true,
      owner: { id: owner.userId },
    });
  });

  it.each([
    // ownership, woman in top management, board women %, womenOwned, womenLed
    [51, true, null, true, true],
    [50, true, null, false, true],
    [20, true, 30, false, true],
    [19, true, 30, false, false],
    [60, false, null, true, false],
    [40, true, 29, false, false],
  ])(
    'ownership %p, woman in top management %p, board %p → owned %p, led %p',
    async (own, top, board, owned, led) => {
      const { createOrganization: org } = await owner.client.data(CREATE, {
        input: organizationInput({
          womenOwnershipPercent: own,
          womanInTopManagement: top,
          boardWomenPercent: board,
        }),
      });
      expect([org.womenOwned, org.womenLed]).toEqual([owned, led]);
    },
  );

  it("answers NOT_FOUND for another owner's organisation, on read, update and delete", async () => {
    const { createOrganization: org } = await owner.client.data(CREATE, { input: organizationInput() });
    expect(await other.client.errorCode(GET, { id: org.id })).toBe('NOT_FOUND');
    expect(await other.client.errorCode(UPDATE, { id: org.id, input: { name: 'Taken over' } })).toBe(
      'NOT_FOUND',
    );
    expect(await other.client.errorCode(DELETE, { id: org.id })).toBe('NOT_FOUND');
    const { organization } = await owner.client.data(GET, { id: org.id });
    expect(organization.name).toBe('Chiang Mai Coffee Roasters');
  });

  it('answers UNAUTHENTICATED to anonymous callers', async () => {
    expect(await t.client.errorCode(`{ organizations { totalCount } }`)).toBe('UNAUTHENTICATED');
    expect(await t.client.errorCode(CREATE, { input: organizationInput() })).toBe('UNAUTHENTICATED');
  });

  it('updates only the given fields and recomputes the derived status', async () => {
    const { createOrganization: org } = await owner.client.data(CREATE, { input: organizationInput() });
    const { updateOrganization: updated } = await owner.client.data(UPDATE, {
      id: org.id,
      input: { boardWomenPercent: 10, employees: 75 },
    });
    expect(updated).toMatchObject({
      name: org.name,
      city: org.city,
      womenOwned: true,
      womenLed: false,
      sizeClass: 'MEDIUM',
    });
  });

  it('rejects bad input with BAD_USER_INPUT and changes nothing', async () => {
    const { createOrganization: org } = await owner.client.data(CREATE, { input: organizationInput() });
    for (const input of [
      { economy: 'FR' },
      { isicDivision: '04' },
      { needs: ['NOT_A_TOPIC'] },
      { languages: [] },
      { womenOwnershipPercent: 101 },
    ]) {
      expect(await owner.client.errorCode(UPDATE, { id: org.id, input })).toBe('BAD_USER_INPUT');
    }
    expect(await owner.client.errorCode(CREATE, { input: organizationInput({ employees: -1 }) })).toBe(
      'BAD_USER_INPUT',
    );
    const { organization } = await owner.client.data(GET, { id: org.id });
    expect(organization).toEqual(org);
  });

  it('deletes an organisation', async () => {
    const { createOrganization: org } = await owner.client.data(CREATE, { input: organizationInput() });
    await owner.client.data(DELETE, { id: org.id });
    expect(await owner.client.errorCode(GET, { id: org.id })).toBe('NOT_FOUND');
  });
});
