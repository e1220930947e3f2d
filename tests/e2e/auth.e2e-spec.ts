import { randomBytes } from 'node:crypto';
import { Role } from '@app/common';
import { ORGANIZATION_FIELDS, organizationInput } from '@app/testing';
import { startTestApp, type SignedIn, type TestApp } from '@app/testing/test-app';
// Tests boot the real app; the lint rule keeps libs from importing apps.
import { createApiApp } from '../../apps/api/src/bootstrap';

const USER_FIELDS = `id email displayName roles managedEconomies { code }`;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { token user { ${USER_FIELDS} } } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token user { ${USER_FIELDS} } } }`;
const ME = `{ me { ${USER_FIELDS} } }`;
const USER = `query($id: ID!) { user(id: $id) { ${USER_FIELDS} } }`;
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { ${USER_FIELDS} } }`;
const UPDATE_ROLES = `mutation($id: ID!, $input: UpdateUserRolesInput!) { updateUserRoles(id: $id, input: $input) { ${USER_FIELDS} } }`;
const USERS = `query($first: Int, $after: String, $search: String, $role: Role) {
  users(first: $first, after: $after, search: $search, role: $role) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id email } }
  }
}`;
const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { ${ORGANIZATION_FIELDS} } }`;
const ORG_OWNER = `query($id: ID!) { organization(id: $id) { id owner { id email displayName } } }`;

interface UserPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: { id: string; email: string } }>;
}

const PASSWORD = 'a long enough password';
const unique = (label: string): string => `${label}-${randomBytes(4).toString('hex')}@test.example`;

describe(`auth (${process.env.TEST_MODE ?? 'embedded'})`, () => {
  let t: TestApp;
  let admin: SignedIn;

  const register = (email: string, role: Role | string, password = PASSWORD, displayName = 'Someone') =>
    t.client.request(REGISTER, { input: { email, password, displayName, role } });
  const login = (email: string, password: string) => t.client.request(LOGIN, { email, password });
  const loginCode = async (email: string, password: string): Promise<string | undefined> =>
    (await login(email, password)).errors?.[0]?.extensions?.code as string | undefined;

  beforeAll(async () => {
    // Long first delay: no wait runs out between two requests, however slow the machine.
    t = await startTestApp(createApiApp, { env: { LOGIN_DELAY_SECONDS: '60' } });
    admin = await t.signUp(Role.ADMIN);
  }, 60_000);
  afterAll(() => t?.close());

  describe('register and login', () => {
    it.each([Role.MSME_OWNER, Role.MENTOR])(
      'registers a %s and returns a token and the user',
      async (role) => {
        const email = unique(role.toLowerCase());
        const res = await register(email, role, PASSWORD, '  Ana Reyes  ');
        expect(res.errors).toBeUndefined();
        const { token, user } = res.data!.register;
        expect(typeof token).toBe('string');
        expect(token.split('.')).toHaveLength(3);
        expect(user).toMatchObject({ displayName: 'Ana Reyes', roles: [role] });
        expect(user.id).toMatch(/^[0-9a-f-]{36}$/);

        const { me } = await t.client.withToken(token).data(ME);
        expect(me).toEqual({
          id: user.id,
          email,
          displayName: 'Ana Reyes',
          roles: [role],
          managedEconomies: [],
        });
      },
    );

    it('stores the email in lower case and logs in with any casing', async () => {
      const email = unique('mixed');
      const { register: reg } = await t.client.data(REGISTER, {
        input: { email: email.toUpperCase(), password: PASSWORD, displayName: 'Upper', role: Role.MENTOR },
      });
      const res = await login(`  ${email.toUpperCase()}  `, PASSWORD);
      expect(res.errors).toBeUndefined();
      expect(res.data!.login.user.id).toBe(reg.user.id);
      const { me } = await t.client.withToken(res.data!.login.token).data(ME);
      expect(me.email).toBe(email);
    });

    it('answers EMAIL_TAKEN for an email already registered, in any casing', async () => {
      const email = unique('dup');
      await t.client.data(REGISTER, {
        input: { email, password: PASSWORD, displayName: 'First', role: 'MENTOR' },
      });
      for (const again of [email, email.toUpperCase(), email.replace(/^d/, 'D')]) {
        const res = await register(again, Role.MSME_OWNER);
        expect(res.errors?.[0]?.extensions?.code).toBe('EMAIL_TAKEN');
        expect(res.data ?? null).toBeNull();
      }
      // The original account is untouched: its password still works and its role is unchanged.
      const res = await login(email, PASSWORD);
      expect(res.data!.login.user).toMatchObject({ displayName: 'First', roles: ['MENTOR'] });
    });

    it.each([Role.ADMIN, Role.PROGRAM_MANAGER])(
      'refuses to self-register as %s with FORBIDDEN',
      async (role) => {
        const email = unique(role.toLowerCase());
        expect((await register(email, role)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        // Nothing was created.
        expect(await loginCode(email, PASSWORD)).toBe('INVALID_CREDENTIALS');
      },
    );

    it.each([
      ['an invalid email', { email: 'not-an-email' }],
      ['a password shorter than 8', { password: 'short12' }],
      ['an empty display name', { displayName: '' }],
    ])('rejects %s with BAD_USER_INPUT', async (_label, override) => {
      const input = {
        email: unique('bad'),
        password: PASSWORD,
        displayName: 'Bad',
        role: 'MENTOR',
        ...override,
      };
      const res = await t.client.request(REGISTER, { input });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(await loginCode(input.email, input.password)).toBe('INVALID_CREDENTIALS');
    });

    it('answers INVALID_CREDENTIALS for a wrong password and for an unknown email alike', async () => {
      const owner = await t.signUp(Role.MSME_OWNER);
      const wrong = await login(owner.email, 'not the password');
      const unknown = await login(unique('nobody'), PASSWORD);
      expect(wrong.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
      expect(unknown.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
      // Same message, so the answer does not reveal whether the account exists.
      expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
      expect(wrong.data ?? null).toBeNull();
    });
  });

  describe('login attempt limit (one client; see login-limits.e2e-spec.ts for several)', () => {
    it('makes this client wait after LOGIN_MAX_ATTEMPTS failures, even for the right password', async () => {
      const max = t.config.LOGIN_MAX_ATTEMPTS;
      expect(max).toBe(5);
      const user = await t.signUp(Role.MENTOR);
      for (let i = 0; i < max; i++) {
        expect(await loginCode(user.email, `wrong password ${i}`)).toBe('INVALID_CREDENTIALS');
      }
      const res = await login(user.email, user.password);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 60 });
      expect(res.errors?.[0]?.message).toMatch(/try again in 60 s/);
      expect(await loginCode(user.email.toUpperCase(), user.password)).toBe('TOO_MANY_ATTEMPTS');
      // Other accounts are not affected.
      const other = await t.signUp(Role.MENTOR);
      expect((await login(other.email, other.password)).errors).toBeUndefined();
    });

    it('lets aliased login fields in one request try at most one guess, and counts it', async () => {
      const user = await t.signUp(Role.MSME_OWNER);
      const max = t.config.LOGIN_MAX_ATTEMPTS;
      // Mutation fields run one after another and a failed (non-null) login ends the operation,
      // so the right password after `max` wrong guesses is never tried and yields no token.
      const guesses = Array.from(
        { length: max },
        (_, i) => `w${i}: login(email: $email, password: "nope ${i}") { token }`,
      );
      const res = await t.client.request(
        `mutation($email: String!, $password: String!) { ${guesses.join(' ')} right: login(email: $email, password: $password) { token } }`,
        { email: user.email, password: user.password },
      );
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.map((e) => [e.path?.[0], e.extensions?.code])).toEqual([
        ['w0', 'INVALID_CREDENTIALS'],
      ]);
      expect(JSON.stringify(res)).not.toMatch(/"token"/);
      // Exactly one attempt was counted: max - 1 more failures are allowed, then the client waits.
      for (let i = 1; i < max; i++)
        expect(await loginCode(user.email, 'still wrong')).toBe('INVALID_CREDENTIALS');
      expect(await loginCode(user.email, user.password)).toBe('TOO_MANY_ATTEMPTS');
    });

    it('counts concurrent attempts atomically: never more than LOGIN_MAX_ATTEMPTS guesses are checked', async () => {
      const user = await t.signUp(Role.MENTOR);
      const max = t.config.LOGIN_MAX_ATTEMPTS;
      const codes = await Promise.all(
        Array.from({ length: max * 2 }, (_, i) => loginCode(user.email, `guess ${i}`)),
      );
      expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(max);
      expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS')).toHaveLength(max);
      expect(await loginCode(user.email, user.password)).toBe('TOO_MANY_ATTEMPTS');
    });

    it('resets the counter on a successful login', async () => {
      const user = await t.signUp(Role.MENTOR);
      const below = t.config.LOGIN_MAX_ATTEMPTS - 1;
      for (let i = 0; i < below; i++)
        expect(await loginCode(user.email, 'wrong password')).toBe('INVALID_CREDENTIALS');
      expect((await login(user.email, user.password)).errors).toBeUndefined();
      // Without the reset, the first of these would already be one attempt too many.
      for (let i = 0; i < below; i++)
        expect(await loginCode(user.email, 'wrong password')).toBe('INVALID_CREDENTIALS');
      const res = await login(user.email, user.password);
      expect(res.errors).toBeUndefined();
      expect(res.data!.login.user.id).toBe(user.userId);
    });
  });

  describe('tokens', () => {
    it('answers UNAUTHENTICATED to `me` without a token', async () => {
      const res = await t.client.request(ME);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.data ?? null).toBeNull();
    });

    it('answers UNAUTHENTICATED to a garbage or tampered token', async () => {
      expect(await t.client.withToken('garbage').errorCode(ME)).toBe('UNAUTHENTICATED');
      const user = await t.signUp(Role.MENTOR);
      const [header, payload, signature] = user.client.token!.split('.');
      const flipped = signature.startsWith('A') ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
      expect(await t.client.withToken(`${header}.${payload}.${flipped}`).errorCode(ME)).toBe(
        'UNAUTHENTICATED',
      );
      // A token for the same user, claiming ADMIN, signed with another secret.
      const forged = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
        string,
        unknown
      >;
      const forgedPayload = Buffer.from(JSON.stringify({ ...forged, roles: ['ADMIN'] })).toString(
        'base64url',
      );
      expect(await t.client.withToken(`${header}.${forgedPayload}.${signature}`).errorCode(USERS)).toBe(
        'UNAUTHENTICATED',
      );
      // The genuine token still works.
      expect((await user.client.data(ME)).me.id).toBe(user.userId);
    });
  });

  describe('admin account management', () => {
    it('lets an admin create a program manager for TH and PH, who can then log in', async () => {
      const email = unique('pm');
      const { createUser } = await admin.client.data(CREATE_USER, {
        input: {
          email,
          password: PASSWORD,
          displayName: 'Pat Manager',
          roles: ['PROGRAM_MANAGER'],
          managedEconomies: ['TH', 'PH'],
        },
      });
      expect(createUser).toMatchObject({
        email,
        displayName: 'Pat Manager',
        roles: ['PROGRAM_MANAGER'],
        managedEconomies: expect.arrayContaining([{ code: 'TH' }, { code: 'PH' }]),
      });
      expect(createUser.managedEconomies).toHaveLength(2);

      const res = await login(email, PASSWORD);
      expect(res.errors).toBeUndefined();
      const { me } = await t.client.withToken(res.data!.login.token).data(ME);
      expect(me.id).toBe(createUser.id);
      expect(me.roles).toEqual(['PROGRAM_MANAGER']);
      expect(me.managedEconomies.map((e: { code: string }) => e.code).sort()).toEqual(['PH', 'TH']);
    });

    it.each([
      ['a program manager without economies', { roles: ['PROGRAM_MANAGER'] }],
      ['a program manager with an unknown economy', { roles: ['PROGRAM_MANAGER'], managedEconomies: ['FR'] }],
      ['managed economies for a non-manager', { roles: ['MENTOR'], managedEconomies: ['TH'] }],
      ['no roles', { roles: [] }],
    ])('rejects %s with BAD_USER_INPUT', async (_label, override) => {
      const email = unique('badpm');
      const input = { email, password: PASSWORD, displayName: 'Nobody', ...override };
      expect(await admin.client.errorCode(CREATE_USER, { input })).toBe('BAD_USER_INPUT');
      expect(await loginCode(email, PASSWORD)).toBe('INVALID_CREDENTIALS');
    });

    it('answers FORBIDDEN to createUser by an MSME owner or a program manager', async () => {
      const owner = await t.signUp(Role.MSME_OWNER);
      const pm = await t.signUp(Role.PROGRAM_MANAGER, { economies: ['TH'] });
      for (const caller of [owner, pm]) {
        const email = unique('sneaky');
        const input = { email, password: PASSWORD, displayName: 'Sneaky', roles: ['ADMIN'] };
        expect(await caller.client.errorCode(CREATE_USER, { input })).toBe('FORBIDDEN');
        expect(await loginCode(email, PASSWORD)).toBe('INVALID_CREDENTIALS');
      }
    });

    it('answers EMAIL_TAKEN when an admin creates an account with a taken email', async () => {
      const existing = await t.signUp(Role.MENTOR);
      const input = {
        email: existing.email.toUpperCase(),
        password: PASSWORD,
        displayName: 'Again',
        roles: ['ADMIN'],
      };
      expect(await admin.client.errorCode(CREATE_USER, { input })).toBe('EMAIL_TAKEN');
    });

    it('lists users for an admin, with totalCount and first/after pagination in email order', async () => {
      const tag = randomBytes(4).toString('hex');
      const emails: string[] = [];
      for (let i = 0; i < 5; i++) {
        const email = `list-${tag}-${i}@test.example`;
        emails.push(email);
        await t.client.data(REGISTER, {
          input: { email, password: PASSWORD, displayName: `Lister ${i}`, role: 'MENTOR' },
        });
      }
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const { users }: { users: UserPage } = await admin.client.data(USERS, {
          first: 2,
          after,
          search: tag,
        });
        expect(users.totalCount).toBe(5);
        expect(users.edges.length).toBeLessThanOrEqual(2);
        seen.push(...users.edges.map((e) => e.node.email));
        pages++;
        if (!users.pageInfo.hasNextPage) break;
        expect(users.pageInfo.endCursor).toBe(users.edges.at(-1)?.cursor);
        after = users.pageInfo.endCursor;
      }
      expect(pages).toBe(3);
      expect(seen).toEqual([...emails].sort());

      // Unfiltered, the total counts every account (at least the five above and the admin).
      const { users: all } = await admin.client.data(USERS, { first: 1 });
      expect(all.totalCount).toBeGreaterThanOrEqual(6);
      expect(all.edges).toHaveLength(1);
      expect(all.pageInfo.hasNextPage).toBe(true);

      // Filtered by role.
      const { users: admins } = await admin.client.data(USERS, { role: 'ADMIN', first: 100 });
      expect(admins.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(admin.userId);
      expect(admins.totalCount).toBe(admins.edges.length);
    });

    it('rejects a bad page request with BAD_USER_INPUT', async () => {
      expect(await admin.client.errorCode(USERS, { first: 101 })).toBe('BAD_USER_INPUT');
      expect(await admin.client.errorCode(USERS, { after: 'not a cursor' })).toBe('BAD_USER_INPUT');
      const crafted = Buffer.from(JSON.stringify(['a@test.example', 'not-a-uuid'])).toString('base64url');
      expect(await admin.client.errorCode(USERS, { after: crafted })).toBe('BAD_USER_INPUT');
    });

    it('answers FORBIDDEN to `users` for non-admins', async () => {
      const pm = await t.signUp(Role.PROGRAM_MANAGER, { economies: ['TH'] });
      const owner = await t.signUp(Role.MSME_OWNER);
      const mentor = await t.signUp(Role.MENTOR);
      for (const caller of [pm, owner, mentor]) {
        const res = await caller.client.request(USERS, { first: 5 });
        expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(res.data ?? null).toBeNull();
      }
    });

    it('updates roles; the user signs in again and has them', async () => {
      const user = await t.signUp(Role.MENTOR);
      const { updateUserRoles } = await admin.client.data(UPDATE_ROLES, {
        id: user.userId,
        input: { roles: ['MENTOR', 'PROGRAM_MANAGER'], managedEconomies: ['VN'] },
      });
      expect(updateUserRoles.roles.sort()).toEqual(['MENTOR', 'PROGRAM_MANAGER']);
      expect(updateUserRoles.managedEconomies).toEqual([{ code: 'VN' }]);

      const { user: read } = await admin.client.data(USER, { id: user.userId });
      expect(read.roles.sort()).toEqual(['MENTOR', 'PROGRAM_MANAGER']);

      // The token from before the change is no longer accepted (revocation.e2e-spec.ts).
      expect(await user.client.errorCode(ME)).toBe('UNAUTHENTICATED');
      const res = await login(user.email, user.password);
      const { me } = await t.client.withToken(res.data!.login.token).data(ME);
      expect(me.roles.sort()).toEqual(['MENTOR', 'PROGRAM_MANAGER']);
      expect(me.managedEconomies).toEqual([{ code: 'VN' }]);
    });

    it('rejects bad role updates and updates by non-admins', async () => {
      const user = await t.signUp(Role.MENTOR);
      const input = { roles: ['PROGRAM_MANAGER'] };
      expect(await admin.client.errorCode(UPDATE_ROLES, { id: user.userId, input })).toBe('BAD_USER_INPUT');
      expect(
        await admin.client.errorCode(UPDATE_ROLES, { id: admin.userId, input: { roles: ['MENTOR'] } }),
      ).toBe('BAD_USER_INPUT');
      expect(
        await user.client.errorCode(UPDATE_ROLES, { id: user.userId, input: { roles: ['ADMIN'] } }),
      ).toBe('FORBIDDEN');
      expect(
        await admin.client.errorCode(UPDATE_ROLES, {
          id: '00000000-0000-4000-8000-000000000000',
          input: { roles: ['MENTOR'] },
        }),
      ).toBe('NOT_FOUND');
      const { user: read } = await admin.client.data(USER, { id: user.userId });
      expect(read.roles).toEqual(['MENTOR']);
    });
  });

  describe('reading users', () => {
    it('answers `user(id)` for yourself and for admins, NOT_FOUND for anyone else', async () => {
      const a = await t.signUp(Role.MSME_OWNER);
      const b = await t.signUp(Role.MENTOR);
      expect((await a.client.data(USER, { id: a.userId })).user).toMatchObject({
        id: a.userId,
        email: a.email,
      });
      expect((await admin.client.data(USER, { id: a.userId })).user).toMatchObject({
        id: a.userId,
        email: a.email,
      });
      const res = await b.client.request(USER, { id: a.userId });
      expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(res.data ?? null).toBeNull();
    });

    it("hides another user's email and managed economies from non-admins", async () => {
      const owner = await t.signUp(Role.MSME_OWNER);
      const pm = await t.signUp(Role.PROGRAM_MANAGER, { economies: ['TH'] });
      const { createOrganization: org } = await owner.client.data(CREATE_ORG, {
        input: organizationInput({ economy: 'TH' }),
      });

      const asPm = (await pm.client.data(ORG_OWNER, { id: org.id })).organization.owner;
      expect(asPm.id).toBe(owner.userId);
      expect(asPm.displayName).toMatch(/^Test MSME_OWNER/);
      expect(asPm.email).toBeNull();

      expect((await admin.client.data(ORG_OWNER, { id: org.id })).organization.owner.email).toBe(owner.email);
      expect((await owner.client.data(ORG_OWNER, { id: org.id })).organization.owner.email).toBe(owner.email);

      // A program manager's economies are private too, except to themself and admins.
      const { me } = await pm.client.data(ME);
      expect(me.managedEconomies).toEqual([{ code: 'TH' }]);
      const { user: pmAsAdmin } = await admin.client.data(USER, { id: pm.userId });
      expect(pmAsAdmin).toMatchObject({ email: pm.email, managedEconomies: [{ code: 'TH' }] });
    });
  });
});
