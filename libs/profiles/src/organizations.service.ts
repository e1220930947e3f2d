import { AuditAction, AuditService } from '@app/audit';
import { escapeLike, hydrateRaw, keysetPage, selectColumns } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import {
  Actor,
  Page,
  PageRequest,
  Role,
  badInput,
  forbidden,
  hasRole,
  isAdmin,
  isUuid,
  notFound,
  readableEconomies,
} from '@app/common';
import { isSectorCode, isIsicDivisionCode } from '@app/taxonomy';
import { OrganizationEntity } from './organization.entity';
import {
  buildOrganizationRecord,
  type FieldError,
  type OrganizationFields,
  type OrganizationRecord,
} from './organization-fields';
import { bindNamed, bindPositional, organizationVisibleSql } from './organization-visibility';
import { ProfileEvents } from './profile-events';
import { ProfileHooks } from './profile-hooks';
import type { OrganizationFilter } from './profile-filters';

export const invalidFields = (errors: FieldError[]): Error =>
  badInput(errors.map((e) => `${e.field} ${e.message}`).join('; '), { fields: errors });

/** Who may see and change organisations: owners theirs, program managers their economies, admins all. */
@Injectable()
export class OrganizationsService {
  constructor(
    @InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>,
    private readonly audit: AuditService,
    private readonly events: ProfileEvents,
    private readonly hooks: ProfileHooks,
  ) {}

  async create(actor: Actor, fields: OrganizationFields): Promise<OrganizationEntity> {
    const record = this.validate(fields);
    const ownerId = ownerForNew(actor, record);
    const created = await this.organizations.manager.transaction(async (manager) => {
      const created = await manager.save(manager.create(OrganizationEntity, { ...record, ownerId }));
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: AuditAction.ORGANIZATION_CREATED,
        targetType: 'organization',
        targetId: created.id,
        details: { economy: created.economy },
      });
      await this.events.organizationChanged(manager, created.id);
      return created;
    });
    return created;
  }

  /**
   * Applies only the fields given; derived status is recomputed from the merged inputs. Read,
   * merge and write happen in one transaction holding the row lock, so concurrent partial
   * updates (an owner and a program manager, say) cannot overwrite each other's fields.
   */
  async update(actor: Actor, id: string, changes: Partial<OrganizationFields>): Promise<OrganizationEntity> {
    const updated = await this.organizations.manager.transaction(async (manager) => {
      const organizations = manager.getRepository(OrganizationEntity);
      const current = await findVisible(organizations, actor, id, true);
      assertCanEdit(actor, current);
      const merged: OrganizationFields = { ...fieldsOf(current) };
      for (const [key, value] of Object.entries(changes)) {
        if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
      }
      const record = this.validate(merged);
      if (!isAdmin(actor) && current.ownerId !== actor.userId) {
        const economies = readableEconomies(actor) ?? [];
        if (!economies.includes(record.economy)) {
          throw forbidden('You can only place organisations in economies you manage');
        }
      }
      await organizations.update({ id }, record);
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: AuditAction.ORGANIZATION_UPDATED,
        targetType: 'organization',
        targetId: id,
        details: {
          fields: Object.keys(changes).filter((k) => changes[k as keyof OrganizationFields] !== undefined),
        },
      });
      await this.events.organizationChanged(manager, id);
      return organizations.findOneByOrFail({ id });
    });
    return updated;
  }

  async delete(actor: Actor, id: string): Promise<OrganizationEntity> {
    const deleted = await this.organizations.manager.transaction(async (manager) => {
      const current = await findVisible(manager.getRepository(OrganizationEntity), actor, id, true);
      assertCanEdit(actor, current);
      await this.hooks.organizationDeleting(manager, id, actor);
      await manager.delete(OrganizationEntity, { id });
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: AuditAction.ORGANIZATION_DELETED,
        targetType: 'organization',
        targetId: id,
      });
      // Mentors' lists that held it lose an entry and are topped up.
      await this.events.organizationChanged(manager, id);
      return current;
    });
    return deleted;
  }

  async findOne(actor: Actor, id: string): Promise<OrganizationEntity> {
    return findVisible(this.organizations, actor, id);
  }

  /**
   * The organisation if the actor may see it, with rows of a query about it in the same round
   * trip: `attach(orgId, next)` returns SQL that may use `orgId` (the organisation's id column)
   * and parameters from `$next` on, whose rows come back beside the organisation's columns
   * (a LEFT JOIN LATERAL: the organisation comes back even without them). NOT_FOUND as findOne.
   */
  async findOneWith(
    actor: Actor,
    id: string,
    attach: (orgId: string, next: number) => { sql: string; params: unknown[] },
  ): Promise<{ organization: OrganizationEntity; rows: Record<string, unknown>[] }> {
    if (!isUuid(id)) throw notFound('Organization');
    const visible = visibleQuery(this.organizations, actor, id);
    const attached = attach('o.o_id', visible.params.length + 1);
    const rows: Record<string, unknown>[] = await this.organizations.query(
      `WITH o AS (${visible.sql}) SELECT * FROM o LEFT JOIN LATERAL (${attached.sql}) attached ON true`,
      [...visible.params, ...attached.params],
    );
    const [organization] = hydrateRaw<OrganizationEntity>(this.organizations.metadata, 'o', rows);
    if (!organization) throw notFound('Organization');
    return { organization, rows };
  }

  /**
   * The columns and FROM clause of an organisation (`o`) as plain SQL, for features that join
   * organisations they have already decided the caller may see (a mentor's recommended
   * organisations); `toEntities` turns the rows into entities.
   */
  viewSql(): { columns: string; from: string } {
    this.columns ??= selectColumns(this.organizations.metadata, 'o');
    return { columns: this.columns, from: 'organizations o' };
  }

  toEntities(raw: ReadonlyArray<Record<string, unknown>>): OrganizationEntity[] {
    return hydrateRaw<OrganizationEntity>(this.organizations.metadata, 'o', raw);
  }

  private columns?: string;

  /**
   * Organisations by id, in no order, with no visibility check: for callers that have already
   * established access through another record (a mentorship request, say).
   */
  findByIds(ids: readonly string[]): Promise<OrganizationEntity[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.organizations.createQueryBuilder('o').where('o.id = ANY(:ids)', { ids: valid }).getMany();
  }

  async list(
    actor: Actor,
    filter: OrganizationFilter,
    request: PageRequest,
  ): Promise<Page<OrganizationEntity>> {
    const base = this.organizations.createQueryBuilder('o');
    applyVisibility(base, actor);
    applyFilter(base, actor, filter);
    return keysetPage(base, request, {
      keyColumn: 'o.name',
      idColumn: 'o.id',
      fetch: async (query) =>
        hydrateRaw<OrganizationEntity>(this.organizations.metadata, 'o', await query.getRawMany()),
      positionOf: (o) => ({ key: o.name, id: o.id }),
    });
  }

  private validate(fields: OrganizationFields): OrganizationRecord {
    const { record, errors } = buildOrganizationRecord(fields);
    if (!record) throw invalidFields(errors);
    return record;
  }
}

/** The organisation if the actor may see it (NOT_FOUND otherwise); `lock` takes the row lock. */
async function findVisible(
  organizations: Repository<OrganizationEntity>,
  actor: Actor,
  id: string,
  lock = false,
): Promise<OrganizationEntity> {
  if (!isUuid(id)) throw notFound('Organization');
  const { sql, params } = visibleQuery(organizations, actor, id);
  const rows: Record<string, unknown>[] = await organizations.query(
    `${sql}${lock ? ' FOR UPDATE' : ''}`,
    params,
  );
  const [found] = hydrateRaw<OrganizationEntity>(organizations.metadata, 'o', rows);
  if (!found) throw notFound('Organization');
  return found;
}

/**
 * The organisation's row (columns `o_*`) if the actor may see it, as plain SQL with its
 * parameters ($1 is the id): this runs on every request about one organisation.
 */
function visibleQuery(
  organizations: Repository<OrganizationEntity>,
  actor: Actor,
  id: string,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [id];
  const visible = organizationVisibleSql('o', actor, bindPositional(params));
  return {
    sql: `SELECT ${selectColumns(organizations.metadata, 'o')} FROM organizations o WHERE o.id = $1 AND ${visible}`,
    params,
  };
}

function ownerForNew(actor: Actor, record: OrganizationRecord): string | null {
  if (hasRole(actor, Role.MSME_OWNER)) return actor.userId;
  if (isAdmin(actor)) return null;
  if (hasRole(actor, Role.PROGRAM_MANAGER)) {
    if (!actor.managedEconomies.includes(record.economy)) {
      throw forbidden('You can only add organisations in economies you manage');
    }
    return null;
  }
  throw forbidden('Only MSME owners, program managers and admins create organisations');
}

/** Owners edit theirs; admins any; program managers the unowned ones in their economies. */
function assertCanEdit(actor: Actor, org: OrganizationEntity): void {
  if (org.ownerId === actor.userId || isAdmin(actor)) return;
  if (
    org.ownerId === null &&
    hasRole(actor, Role.PROGRAM_MANAGER) &&
    actor.managedEconomies.includes(org.economy)
  ) {
    return;
  }
  throw forbidden('Only the owner can change this organisation');
}

function applyVisibility(query: SelectQueryBuilder<OrganizationEntity>, actor: Actor): void {
  query.andWhere(organizationVisibleSql('o', actor, bindNamed(query, 'visible')));
}

function applyFilter(
  query: SelectQueryBuilder<OrganizationEntity>,
  actor: Actor,
  filter: OrganizationFilter,
): void {
  if (filter.economy) query.andWhere('o.economy = :economy', { economy: filter.economy });
  if (filter.sector) {
    if (!isSectorCode(filter.sector))
      throw badInput(`sector "${filter.sector}" is not an ISIC section or division`);
    if (isIsicDivisionCode(filter.sector))
      query.andWhere('o.isic_division = :sector', { sector: filter.sector });
    else query.andWhere('o.isic_section = :sector', { sector: filter.sector });
  }
  if (filter.kind) query.andWhere('o.kind = :kind', { kind: filter.kind });
  if (filter.womenLed != null) query.andWhere('o.women_led = :womenLed', { womenLed: filter.womenLed });
  if (filter.womenOwned != null)
    query.andWhere('o.women_owned = :womenOwned', { womenOwned: filter.womenOwned });
  if (filter.locality) query.andWhere('o.locality = :locality', { locality: filter.locality });
  if (filter.sizeClass) query.andWhere('o.size_class = :sizeClass', { sizeClass: filter.sizeClass });
  if (filter.topic) query.andWhere('o.needs @> ARRAY[:topic]::text[]', { topic: filter.topic });
  if (filter.language)
    query.andWhere('o.languages @> ARRAY[:language]::text[]', { language: filter.language });
  if (filter.search) query.andWhere('o.name ILIKE :search', { search: `%${escapeLike(filter.search)}%` });
  if (filter.mine) query.andWhere('o.owner_id = :mine', { mine: actor.userId });
}

function fieldsOf(org: OrganizationEntity): OrganizationFields {
  return {
    name: org.name,
    description: org.description,
    kind: org.kind,
    isicDivision: org.isicDivision,
    economy: org.economy,
    city: org.city,
    locality: org.locality,
    employees: org.employees,
    foundedYear: org.foundedYear,
    womenOwnershipPercent: org.womenOwnershipPercent,
    womanInTopManagement: org.womanInTopManagement,
    boardWomenPercent: org.boardWomenPercent,
    youthLed: org.youthLed,
    socialEnterprise: org.socialEnterprise,
    prefersWomanMentor: org.prefersWomanMentor,
    mentorsWanted: org.mentorsWanted,
    cluster: org.cluster,
    needs: org.needs,
    targetEconomies: org.targetEconomies,
    languages: org.languages,
  };
}
