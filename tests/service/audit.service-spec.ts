import { AuditAction, AuditService } from '@app/audit';
import { Role } from '@app/common';
import { startServiceTest, type ServiceTest } from '@app/testing/service-test';

describe('AuditService (PGlite, real migrations)', () => {
  let t: ServiceTest;
  let audit: AuditService;

  beforeAll(async () => {
    t = await startServiceTest();
    audit = t.get(AuditService);
  });
  afterAll(() => t.close());

  it('writes an event with the change, or not at all', async () => {
    const admin = await t.actor(Role.ADMIN);
    await t.dataSource.transaction((manager) =>
      audit.record(manager, {
        actorId: admin.userId,
        action: AuditAction.PROGRAM_CREATED,
        targetType: 'program',
        targetId: '00000000-0000-4000-8000-000000000001',
        details: { economies: ['TH'] },
      }),
    );
    await expect(
      t.dataSource.transaction(async (manager) => {
        await audit.record(manager, {
          actorId: admin.userId,
          action: AuditAction.PROGRAM_CREATED,
          targetType: 'program',
          targetId: '00000000-0000-4000-8000-000000000002',
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const page = await audit.list(admin, { action: AuditAction.PROGRAM_CREATED }, { first: 10 });
    expect(page.items.map((e) => e.targetId)).toEqual(['00000000-0000-4000-8000-000000000001']);
    expect(page.items[0]).toMatchObject({ actorId: admin.userId, details: { economies: ['TH'] } });
  });

  it('lists newest first with cursors, filtered, for admins only', async () => {
    const admin = await t.actor(Role.ADMIN);
    for (let i = 0; i < 5; i++) {
      await t.dataSource.transaction((manager) =>
        audit.record(manager, {
          actorId: admin.userId,
          action: AuditAction.MATCHING_ROUND_STARTED,
          targetType: 'matching_round',
          details: { i },
        }),
      );
    }
    const first = await audit.list(admin, { actorId: admin.userId }, { first: 3 });
    expect(first.items.map((e) => e.details.i)).toEqual([4, 3, 2]);
    const rest = await audit.list(
      admin,
      { actorId: admin.userId },
      { first: 3, after: first.cursors[first.cursors.length - 1] },
    );
    expect(rest.items.map((e) => e.details.i)).toEqual([1, 0]);
    await expect(audit.list(admin, {}, { first: 1, after: 'bm90IGEgY3Vyc29y' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(
      audit.list(await t.actor(Role.PROGRAM_MANAGER, { economies: ['TH'] }), {}, { first: 1 }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('keeps the log append-only: the database refuses to change or delete an event', async () => {
    await expect(t.dataSource.query(`UPDATE audit_events SET action = 'x'`)).rejects.toThrow();
    await expect(t.dataSource.query(`DELETE FROM audit_events`)).rejects.toThrow();
  });
});
