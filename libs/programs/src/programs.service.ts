import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '@app/audit';
import {
  Actor,
  DATE_MAX,
  DATE_MIN,
  Role,
  badInput,
  forbidden,
  hasRole,
  isAdmin,
  isDateInRange,
  isUuid,
  notFound,
} from '@app/common';
import type { ScoreWeights } from '@app/matching';
import {
  mentorCohortFacts,
  organizationCohortFacts,
  type MentorCohortFacts,
  type OrganizationCohortFacts,
} from '@app/profiles';
import { isEconomyCode } from '@app/taxonomy';
import { ProgramEntity } from './program.entities';

export interface ProgramInput {
  name: string;
  economies: string[];
  startsOn: string;
  endsOn: string;
  /** The programme's own scoring weights: whole numbers adding up to 100. */
  weights?: ScoreWeights | null;
}

export const PROGRAM_NAME_MAX = 200;
export const MEMBERS_PER_CALL = 5000;

/**
 * Programmes and their cohorts. Program managers create and run programmes within the economies
 * they manage (every economy of the programme); admins any. Program managers see programmes
 * that touch their economies.
 */
@Injectable()
export class ProgramsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** `manager`: the caller's transaction, for a change across features (the demo data). */
  async create(actor: Actor, input: ProgramInput, manager?: EntityManager): Promise<ProgramEntity> {
    const name = input.name.trim();
    if (name.length === 0 || name.length > PROGRAM_NAME_MAX) {
      throw badInput(`name must be 1 to ${PROGRAM_NAME_MAX} characters`, { field: 'name' });
    }
    const economies = [...new Set(input.economies)];
    const unknown = economies.filter((e) => !isEconomyCode(e));
    if (economies.length === 0 || unknown.length > 0) {
      throw badInput(
        `economies must be APEC economy codes${unknown.length ? `: not ${unknown.join(', ')}` : ''}`,
        {
          field: 'economies',
        },
      );
    }
    for (const [field, value] of [
      ['startsOn', input.startsOn],
      ['endsOn', input.endsOn],
    ] as const) {
      if (!isDateInRange(value)) {
        throw badInput(`${field} must be a date as YYYY-MM-DD from ${DATE_MIN} to ${DATE_MAX}`, { field });
      }
    }
    if (input.startsOn > input.endsOn)
      throw badInput('endsOn must not be before startsOn', { field: 'endsOn' });
    const weights = input.weights ?? null;
    if (weights) {
      const values = Object.values(weights) as number[];
      if (values.some((v) => !Number.isInteger(v) || v < 0) || values.reduce((a, b) => a + b, 0) !== 100) {
        throw badInput('weights must be whole numbers adding up to 100', { field: 'weights' });
      }
    }
    this.assertManages(actor, economies);
    return (manager ?? this.dataSource.manager).transaction(async (manager) => {
      const program = await manager.save(
        manager.create(ProgramEntity, {
          name,
          economies,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          weights,
          createdBy: actor.userId,
        }),
      );
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: AuditAction.PROGRAM_CREATED,
        targetType: 'program',
        targetId: program.id,
      });
      return program;
    });
  }

  /**
   * Adds organisations (which must be in the programme's economies) and mentors to the cohort.
   * `manager`: the caller's transaction, as for `create`.
   */
  async addMembers(
    actor: Actor,
    programId: string,
    organizationIds: string[],
    mentorIds: string[],
    manager?: EntityManager,
  ) {
    checkIds(organizationIds, 'organizationIds');
    checkIds(mentorIds, 'mentorIds');
    return (manager ?? this.dataSource.manager).transaction(async (manager) => {
      const program = await this.findManaged(manager, actor, programId);
      const orgs = await organizationCohortFacts(manager, organizationIds);
      const missing = organizationIds.filter((id) => !orgs.some((o) => o.id === id));
      if (missing.length > 0) throw badInput(`Unknown organisations: ${missing.slice(0, 5).join(', ')}`);
      const outside = orgs.filter((o) => !program.economies.includes(o.economy));
      if (outside.length > 0) {
        throw badInput(
          `Organisations outside the programme's economies: ${outside
            .slice(0, 5)
            .map((o) => o.id)
            .join(', ')}`,
        );
      }
      const mentorsFound = (await mentorCohortFacts(manager, mentorIds)).length;
      if (mentorsFound !== new Set(mentorIds).size) throw badInput('Some mentorIds are not mentor profiles');
      await manager.query(
        `INSERT INTO program_organizations (program_id, organization_id)
         SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
        [program.id, organizationIds],
      );
      await manager.query(
        `INSERT INTO program_mentors (program_id, mentor_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
        [program.id, mentorIds],
      );
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: AuditAction.PROGRAM_MEMBERS_ADDED,
        targetType: 'program',
        targetId: program.id,
        details: { organizations: organizationIds.length, mentors: mentorIds.length },
      });
      return program;
    });
  }

  async removeMembers(actor: Actor, programId: string, organizationIds: string[], mentorIds: string[]) {
    checkIds(organizationIds, 'organizationIds');
    checkIds(mentorIds, 'mentorIds');
    return this.dataSource.transaction(async (manager) => {
      const program = await this.findManaged(manager, actor, programId);
      await manager.query(
        `DELETE FROM program_organizations WHERE program_id = $1 AND organization_id = ANY($2::uuid[])`,
        [program.id, organizationIds],
      );
      await manager.query(
        `DELETE FROM program_mentors WHERE program_id = $1 AND mentor_id = ANY($2::uuid[])`,
        [program.id, mentorIds],
      );
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: AuditAction.PROGRAM_MEMBERS_REMOVED,
        targetType: 'program',
        targetId: program.id,
        details: { organizations: organizationIds.length, mentors: mentorIds.length },
      });
      return program;
    });
  }

  /** Newest first: admins all, program managers those touching their economies. */
  async list(actor: Actor): Promise<ProgramEntity[]> {
    if (!isAdmin(actor) && !hasRole(actor, Role.PROGRAM_MANAGER)) return [];
    const query = this.dataSource
      .getRepository(ProgramEntity)
      .createQueryBuilder('p')
      .orderBy('p.created_at', 'DESC');
    if (!isAdmin(actor)) query.where('p.economies && :economies', { economies: actor.managedEconomies });
    return query.limit(500).getMany();
  }

  async findOne(
    actor: Actor,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ProgramEntity> {
    if (!isUuid(id)) throw notFound('Program');
    const program = await manager.findOneBy(ProgramEntity, { id });
    const visible =
      program &&
      (isAdmin(actor) ||
        (hasRole(actor, Role.PROGRAM_MANAGER) &&
          program.economies.some((e) => actor.managedEconomies.includes(e as never))));
    if (!visible) throw notFound('Program');
    return program;
  }

  /** The programme, if the caller runs it: an admin, or a manager of every one of its economies. */
  async findManaged(manager: EntityManager, actor: Actor, id: string): Promise<ProgramEntity> {
    const program = await this.findOne(actor, id, manager);
    this.assertManages(actor, program.economies);
    return program;
  }

  /** The cohort's organisation and mentor ids, each in id order. */
  async cohortIds(
    programId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ organizationIds: string[]; mentorIds: string[] }> {
    const ids = async (sql: string): Promise<string[]> =>
      ((await manager.query(sql, [programId])) as Array<{ id: string }>).map((r) => r.id);
    return {
      organizationIds: await ids(
        `SELECT organization_id AS id FROM program_organizations WHERE program_id = $1 ORDER BY 1`,
      ),
      mentorIds: await ids(`SELECT mentor_id AS id FROM program_mentors WHERE program_id = $1 ORDER BY 1`),
    };
  }

  /**
   * The cohort as its report reads it: the organisations and mentors that still exist, with the
   * facts profiles keep of them.
   */
  async cohortFacts(
    programId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ organizations: OrganizationCohortFacts[]; mentors: MentorCohortFacts[] }> {
    const { organizationIds, mentorIds } = await this.cohortIds(programId, manager);
    return {
      organizations: await organizationCohortFacts(manager, organizationIds),
      mentors: await mentorCohortFacts(manager, mentorIds),
    };
  }

  async counts(programId: string): Promise<{ organizations: number; mentors: number }> {
    const [row] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM program_organizations WHERE program_id = $1)::int AS organizations,
              (SELECT count(*) FROM program_mentors WHERE program_id = $1)::int AS mentors`,
      [programId],
    );
    return row;
  }

  private assertManages(actor: Actor, economies: readonly string[]): void {
    if (isAdmin(actor)) return;
    if (
      !hasRole(actor, Role.PROGRAM_MANAGER) ||
      economies.some((e) => !actor.managedEconomies.includes(e as never))
    ) {
      throw forbidden('Only program managers of every economy of the programme (or admins) run it');
    }
  }
}

function checkIds(ids: string[], field: string): void {
  if (ids.length > MEMBERS_PER_CALL) throw badInput(`at most ${MEMBERS_PER_CALL} ids per call`, { field });
  const bad = ids.filter((id) => !isUuid(id));
  if (bad.length > 0) throw badInput(`${field} holds invalid ids`, { field });
}
