import { AccountsService, TokenService } from '@app/accounts';
import { AuditAction, AuditService } from '@app/audit';
import { Role } from '@app/common';
import { startServiceTest, type ServiceTest } from '@app/testing/service-test';

const PASSWORD = 'correct horse battery';

describe('AccountsService (PGlite, real migrations)', () => {
  let t: ServiceTest;
  let accounts: AccountsService;
  let tokens: TokenService;
  let audit: AuditService;

  beforeAll(async () => {
    // Three free attempts per account and client, then a wait of 30 s that doubles.
    t = await startServiceTest({ env: { LOGIN_MAX_ATTEMPTS: '3', LOGIN_DELAY_SECONDS: '30' } });
    accounts = t.get(AccountsService);
    tokens = t.get(TokenService);
    audit = t.get(AuditService);
  });
  afterAll(() => t.close());

  it('registers owners and mentors only, one account per e-mail, and audits it as their own act', async () => {
    const { user, token } = await accounts.register({
      email: '  Nok@Example.TH ',
      password: PASSWORD,
      displayName: ' Nok ',
      role: Role.MSME_OWNER,
    });
    expect(user).toMatchObject({ email: 'nok@example.th', displayName: 'Nok', roles: [Role.MSME_OWNER] });
    expect(tokens.verify(token)).toMatchObject({ userId: user.id, roles: [Role.MSME_OWNER] });

    await expect(
      accounts.register({
        email: 'NOK@example.th',
        password: PASSWORD,
        displayName: 'Again',
        role: Role.MENTOR,
      }),
    ).rejects.toMatchObject({ code: 'EMAIL_TAKEN' });
    for (const role of [Role.ADMIN, Role.PROGRAM_MANAGER]) {
      await expect(
        accounts.register({ email: `self-${role}@example.th`, password: PASSWORD, displayName: 'X', role }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    const admin = await t.actor(Role.ADMIN);
    expect(await accounts.findByEmails([`self-${Role.ADMIN}@example.th`])).toEqual([]);
    const events = await audit.list(admin, { targetId: user.id }, { first: 10 });
    expect(events.items.map((e) => [e.action, e.actorId])).toEqual([[AuditAction.USER_REGISTERED, user.id]]);
  });

  it('answers a wrong password and an unknown e-mail alike', async () => {
    await accounts.register({
      email: 'ana@example.ph',
      password: PASSWORD,
      displayName: 'Ana',
      role: Role.MENTOR,
    });
    const wrong = await accounts.login('ana@example.ph', 'not the password', '10.0.0.1').catch((e) => e);
    const unknown = await accounts.login('nobody@example.ph', PASSWORD, '10.0.0.1').catch((e) => e);
    expect(wrong).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(unknown).toMatchObject({ code: 'INVALID_CREDENTIALS', message: wrong.message });
    const { user } = await accounts.login(' ANA@example.ph', PASSWORD, '10.0.0.1');
    expect(user.email).toBe('ana@example.ph');
  });

  it('slows one client down on one account without locking the owner out elsewhere', async () => {
    await accounts.register({
      email: 'bo@example.vn',
      password: PASSWORD,
      displayName: 'Bo',
      role: Role.MENTOR,
    });
    for (let i = 0; i < 3; i++) {
      await expect(accounts.login('bo@example.vn', 'guess', '10.0.0.66')).rejects.toMatchObject({
        code: 'INVALID_CREDENTIALS',
      });
    }
    // The guesser is made to wait, even with the right password …
    const refused = await accounts.login('bo@example.vn', PASSWORD, '10.0.0.66').catch((e) => e);
    expect(refused).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect(refused.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.details.retryAfterSeconds).toBeLessThanOrEqual(30);
    // … while the owner, from their own address, signs in at once.
    await expect(accounts.login('bo@example.vn', PASSWORD, '10.0.0.7')).resolves.toMatchObject({
      user: { email: 'bo@example.vn' },
    });
  });

  it('ends the tokens of a changed account at once, and audits the change', async () => {
    const admin = await t.actor(Role.ADMIN);
    const created = await accounts.createUser(admin, {
      email: 'pm@example.id',
      password: PASSWORD,
      displayName: 'PM',
      roles: [Role.PROGRAM_MANAGER, Role.ADMIN],
      managedEconomies: ['ID'],
    });
    const { token } = await accounts.login('pm@example.id', PASSWORD, '10.0.0.2');
    const before = tokens.verify(token);
    expect(before && (await tokens.isCurrent(before))).toBe(true);

    // The same roles again changes nothing: the token stays good.
    await accounts.updateUserRoles(admin, created.id, {
      roles: [Role.ADMIN, Role.PROGRAM_MANAGER],
      managedEconomies: ['ID'],
    });
    expect(await tokens.isCurrent(before!)).toBe(true);

    await accounts.updateUserRoles(admin, created.id, {
      roles: [Role.PROGRAM_MANAGER],
      managedEconomies: ['ID'],
    });
    expect(await tokens.isCurrent(before!)).toBe(false);
    const again = await accounts.login('pm@example.id', PASSWORD, '10.0.0.2');
    const after = tokens.verify(again.token);
    expect(after).toMatchObject({ roles: [Role.PROGRAM_MANAGER] });
    expect(await tokens.isCurrent(after!)).toBe(true);

    const events = await audit.list(
      admin,
      { targetId: created.id, action: AuditAction.USER_ROLES_CHANGED },
      { first: 10 },
    );
    expect(events.items[0]).toMatchObject({
      actorId: admin.userId,
      details: {
        before: { roles: [Role.ADMIN, Role.PROGRAM_MANAGER] },
        after: { roles: [Role.PROGRAM_MANAGER], managedEconomies: ['ID'] },
      },
    });
  });

  it('lets only admins create and change accounts, never an admin unmake themselves', async () => {
    const admin = await t.actor(Role.ADMIN);
    const manager = await t.actor(Role.PROGRAM_MANAGER, { economies: ['TH'] });
    const input = { email: 'x@example.th', password: PASSWORD, displayName: 'X', roles: [Role.ADMIN] };
    await expect(accounts.createUser(manager, input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      accounts.updateUserRoles(manager, manager.userId, { roles: [Role.ADMIN] }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      accounts.updateUserRoles(admin, admin.userId, { roles: [Role.MENTOR] }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(
      accounts.createUser(admin, { ...input, roles: [Role.PROGRAM_MANAGER], managedEconomies: [] }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(
      accounts.createUser(admin, { ...input, roles: [Role.MENTOR], managedEconomies: ['TH'] }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await accounts.findByEmails(['x@example.th'])).toEqual([]);
  });

  it('creates the first admin from the command line once per e-mail, audited', async () => {
    const first = await accounts.createAdminFromCommandLine('Root@Example.org', PASSWORD, 'Root');
    expect(first.roles).toEqual([Role.ADMIN]);
    await expect(
      accounts.createAdminFromCommandLine('root@example.org', PASSWORD, 'Again'),
    ).rejects.toMatchObject({
      code: 'EMAIL_TAKEN',
    });
    const admin = await t.actor(Role.ADMIN);
    const events = await audit.list(admin, { targetId: first.id }, { first: 10 });
    expect(events.items).toEqual([
      expect.objectContaining({
        action: AuditAction.USER_CREATED,
        actorId: null,
        details: expect.objectContaining({ source: 'command-line', roles: [Role.ADMIN] }),
      }),
    ]);
  });

  it('lists accounts for admins only, a search matching its text literally', async () => {
    const admin = await t.actor(Role.ADMIN);
    await accounts.createUser(admin, {
      email: 'percent_100%@example.my',
      password: PASSWORD,
      displayName: 'Literal',
      roles: [Role.MENTOR],
    });
    const found = await accounts.list(admin, { first: 50, search: '_100%' });
    expect(found.items.map((u) => u.email)).toEqual(['percent_100%@example.my']);
    // Wildcards typed by the admin are text, not patterns: '%' alone finds only addresses with one.
    const percent = await accounts.list(admin, { first: 50, search: '%' });
    expect(percent.items.map((u) => u.email)).toEqual(['percent_100%@example.my']);
    const owner = await t.actor(Role.MSME_OWNER);
    await expect(accounts.list(owner, { first: 10 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(accounts.findById(owner, admin.userId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(accounts.findById(owner, owner.userId)).resolves.toMatchObject({ id: owner.userId });
  });
});
