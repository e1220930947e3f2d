import { Role } from '@app/common';
import { ORGANIZATION_FIELDS, organizationInput } from '@app/testing';
import { startTestApp, type SignedIn, type TestApp } from '@app/testing/test-app';
// Tests boot the real app; the lint rule keeps libs from importing apps.
import { createApiApp } from '../../apps/api/src/bootstrap';

const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const LIST = `query($first: Int) {
  organizations(first: $first) {
    totalCount
    edges { cursor node { ${ORGANIZATION_FIELDS} } }
  }
}`;

const OWNERS = 20;
const ORGANIZATIONS = 60;

interface Listed {
  organizations: {
    totalCount: number;
    edges: Array<{ cursor: string; node: { id: string; owner: { id: string; displayName: string } | null } }>;
  };
}

describe(`nested queries (${process.env.TEST_MODE ?? 'embedded'})`, () => {
  let t: TestApp;
  let admin: SignedIn;
  /** Organisation id → its owner's id. */
  const ownerOf = new Map<string, string>();
  /** Owner id → display name. */
  const nameOf = new Map<string, string>();

  /** Runs the operation and returns its result with the SQL statements issued meanwhile. */
  async function withStatements<T>(run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    // TypeORM hands every statement to its logger, whether or not logging is on.
    const spy = jest.spyOn(t.dataSource.logger, 'logQuery');
    try {
      const result = await run();
      return { result, statements: spy.mock.calls.map(([query]) => query) };
    } finally {
      spy.mockRestore();
    }
  }

  beforeAll(async () => {
    t = await startTestApp(createApiApp);
    admin = await t.signUp(Role.ADMIN);
    const owners: SignedIn[] = [];
    for (let i = 0; i < OWNERS; i++) owners.push(await t.signUp(Role.MSME_OWNER));
    const { users } = await admin.client.data(
      `{ users(first: 100, role: MSME_OWNER) { nodes { id displayName } } }`,
    );
    for (const user of users.nodes as Array<{ id: string; displayName: string }>)
      nameOf.set(user.id, user.displayName);
    await Promise.all(
      Array.from({ length: ORGANIZATIONS }, async (_, i) => {
        // Interleave owners so that any page holds organisations of many of them.
        const owner = owners[i % OWNERS];
        const name = `Nested ${String(i).padStart(2, '0')}`;
        const { createOrganization } = await owner.client.data(CREATE, {
          input: organizationInput({ name }),
        });
        ownerOf.set(createOrganization.id, owner.userId);
      }),
    );
    // Creating organisations rescores them in the background; count only this test's statements.
    await t.settle();
  }, 120_000);
  afterAll(() => t?.close());

  it('resolves every owner of a 50-organisation page with one batched users query', async () => {
    const { result, statements } = await withStatements(() => admin.client.data<Listed>(LIST, { first: 50 }));
    const { organizations } = result;
    expect(organizations.totalCount).toBe(ORGANIZATIONS);
    expect(organizations.edges).toHaveLength(50);

    const owners = new Set<string>();
    for (const { node } of organizations.edges) {
      const expected = ownerOf.get(node.id);
      expect(expected).toBeDefined();
      expect(node.owner).toEqual({ id: expected, displayName: nameOf.get(expected as string) });
      owners.add(node.owner!.id);
    }
    expect(owners.size).toBe(OWNERS);

    // count, page, and one batched lookup of the owners.
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.length).toBeLessThanOrEqual(4);
    expect(statements.filter((sql) => /\bFROM "users"/i.test(sql))).toHaveLength(1);
  });

  it('issues the same number of statements for 10 and for 50 organisations', async () => {
    const small = await withStatements(() => admin.client.data<Listed>(LIST, { first: 10 }));
    const large = await withStatements(() => admin.client.data<Listed>(LIST, { first: 50 }));
    expect(small.result.organizations.edges).toHaveLength(10);
    expect(large.result.organizations.edges).toHaveLength(50);
    expect(small.result.organizations.edges.every((e) => e.node.owner !== null)).toBe(true);
    expect(large.statements.length).toBe(small.statements.length);
    expect(large.statements.length).toBeLessThanOrEqual(4);
  });

  it('batches owners per request, not across requests', async () => {
    const first = await withStatements(() => admin.client.data<Listed>(LIST, { first: 5 }));
    const second = await withStatements(() => admin.client.data<Listed>(LIST, { first: 5 }));
    // No cache outlives a request: the second request looks its owners up again.
    expect(second.statements.filter((sql) => /\bFROM "users"/i.test(sql))).toHaveLength(1);
    expect(second.statements.length).toBe(first.statements.length);
  });

  it('does not look up owners when the query does not ask for them', async () => {
    const { result, statements } = await withStatements(() =>
      admin.client.data(`{ organizations(first: 50) { totalCount edges { node { id name } } } }`),
    );
    expect(result.organizations.edges).toHaveLength(50);
    expect(statements.filter((sql) => /\bFROM "users"/i.test(sql))).toHaveLength(0);
    expect(statements.length).toBeLessThanOrEqual(2);
  });
});
