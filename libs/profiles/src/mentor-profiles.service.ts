import { AuditAction, AuditService } from '@app/audit';
import { escapeLike, hydrateRaw, keysetPage, selectColumns } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { displayNameJoin, joinDisplayName, lockUser } from '@app/accounts';
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
} from '@app/common';
import { sectorCodesRelatedTo } from '@app/taxonomy';
import { MentorProfileEntity } from './mentor-profile.entity';
import { buildMentorRecord, type MentorFields, type MentorRecord } from './mentor-fields';
import { invalidFields } from './organizations.service';
import { ProfileEvents } from './profile-events';
import type { MentorFilter } from './profile-filters';

/** The mentor's account (`u`), for the public name every view shows. */
const NAME = { alias: 'u', ...displayNameJoin('m.user_id', 'u') };

/** A mentor profile with its owner's public name, as every list and lookup returns it. */
export type MentorProfileView = MentorProfileEntity & { displayName: string };

/**
 * Mentor profiles are discoverable by every signed-in user (that is how MSMEs find mentors);
 * only the mentor changes theirs, and self-declared gender is shown to the mentor and admins only.
 */
@Injectable()
export class MentorProfilesService {
  constructor(
    @InjectRepository(MentorProfileEntity) private readonly profiles: Repository<MentorProfileEntity>,
    private readonly audit: AuditService,
    private readonly events: ProfileEvents,
  ) {}

  /**
   * Merges the given fields over the current profile and writes it. The mentor's account row is
   * locked for the read-merge-write, so two partial updates at once (or two first saves) cannot
   * drop each other's fields.
   */
  async upsert(actor: Actor, fields: MentorFields): Promise<MentorProfileView> {
    if (!hasRole(actor, Role.MENTOR)) throw forbidden('Only mentors have a mentor profile');
    await this.profiles.manager.transaction(async (manager) => {
      await lockUser(manager, actor.userId);
      const profiles = manager.getRepository(MentorProfileEntity);
      // Locked: accepting a request counts against capacity on this row meanwhile.
      const current = await profiles.findOne({
        where: { userId: actor.userId },
        lock: { mode: 'pessimistic_write' },
      });
      const { record, errors } = buildMentorRecord(fields, current ? recordOf(current) : undefined);
      if (!record) throw invalidFields(errors);
      if (current && record.capacity < current.activeMentorships) {
        throw badInput(
          `capacity cannot be lower than the ${current.activeMentorships} mentorships you are running now`,
          { field: 'capacity' },
        );
      }
      await profiles.upsert({ ...record, userId: actor.userId }, { conflictPaths: ['userId'] });
      const saved = await profiles.findOneByOrFail({ userId: actor.userId });
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: current ? AuditAction.MENTOR_PROFILE_UPDATED : AuditAction.MENTOR_PROFILE_CREATED,
        targetType: 'mentor_profile',
        targetId: saved.id,
        // Field names only: gender is self-declared and private.
        details: { fields: Object.keys(fields).filter((k) => fields[k as keyof MentorFields] !== undefined) },
      });
      await this.events.mentorChanged(manager, saved.id);
      return saved.id;
    });
    return this.findMine(actor) as Promise<MentorProfileView>;
  }

  async findOne(_actor: Actor, id: string): Promise<MentorProfileView> {
    if (!isUuid(id)) throw notFound('Mentor profile');
    const view = (await this.views(this.selectViews().where('m.id = :id', { id })))[0];
    if (!view) throw notFound('Mentor profile');
    return view;
  }

  /**
   * The columns and FROM clause of a mentor view as plain SQL (profile `m`, account `u`), for
   * hot read paths that join it to their own tables; `toViews` turns the rows into views.
   */
  viewSql(): { columns: string; from: string } {
    this.viewColumns ??= `${selectColumns(this.profiles.metadata, 'm')}, ${NAME.displayName} AS display_name`;
    return { columns: this.viewColumns, from: `mentor_profiles m ${NAME.join}` };
  }

  toViews(raw: ReadonlyArray<Record<string, unknown>>): MentorProfileView[] {
    const entities = hydrateRaw<MentorProfileEntity>(this.profiles.metadata, 'm', raw);
    return entities.map((entity, i) => Object.assign(entity, { displayName: raw[i].display_name as string }));
  }

  private viewColumns?: string;

  /** Profiles by id, in no order (public: every signed-in user may see mentor profiles). */
  findByIds(ids: readonly string[]): Promise<MentorProfileView[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.views(this.selectViews().where('m.id = ANY(:ids)', { ids: valid }));
  }

  async findMine(actor: Actor): Promise<MentorProfileView | null> {
    const found = await this.views(this.selectViews().where('m.user_id = :userId', { userId: actor.userId }));
    return found[0] ?? null;
  }

  async list(_actor: Actor, filter: MentorFilter, request: PageRequest): Promise<Page<MentorProfileView>> {
    const base = this.selectViews();
    applyFilter(base, filter);
    return keysetPage(base, request, {
      keyColumn: NAME.displayName,
      idColumn: 'm.id',
      fetch: (query) => this.views(query),
      positionOf: (m) => ({ key: m.displayName, id: m.id }),
    });
  }

  /** Self-declared gender is for the mentor and admins; elsewhere only in aggregates. */
  canSeeGender(actor: Actor, profileUserId: string): boolean {
    return isAdmin(actor) || profileUserId === actor.userId;
  }

  private async views(query: SelectQueryBuilder<MentorProfileEntity>): Promise<MentorProfileView[]> {
    return this.toViews(await query.getRawMany<Record<string, unknown>>());
  }

  private selectViews(): SelectQueryBuilder<MentorProfileEntity> {
    return joinDisplayName(this.profiles.createQueryBuilder('m'), 'm.user_id', NAME.alias);
  }
}

function applyFilter(query: SelectQueryBuilder<MentorProfileEntity>, filter: MentorFilter): void {
  if (filter.economy) query.andWhere('m.economy = :economy', { economy: filter.economy });
  if (filter.experienceIn) {
    query.andWhere('m.economies @> ARRAY[:experienceIn]::text[]', { experienceIn: filter.experienceIn });
  }
  if (filter.sector) {
    const related = sectorCodesRelatedTo(filter.sector);
    if (related.length === 0) throw badInput(`sector "${filter.sector}" is not an ISIC section or division`);
    query.andWhere('m.expertise_sectors && :sectors::text[]', { sectors: related });
  }
  if (filter.topic) query.andWhere('m.expertise_topics @> ARRAY[:topic]::text[]', { topic: filter.topic });
  if (filter.language)
    query.andWhere('m.languages @> ARRAY[:language]::text[]', { language: filter.language });
  if (filter.acceptingRequests != null) {
    query.andWhere('m.accepting_requests = :accepting', { accepting: filter.acceptingRequests });
  }
  if (filter.search) {
    query.andWhere(`(${NAME.displayName} ILIKE :search OR m.headline ILIKE :search)`, {
      search: `%${escapeLike(filter.search)}%`,
    });
  }
}

function recordOf(profile: MentorProfileEntity): MentorRecord {
  return {
    headline: profile.headline,
    bio: profile.bio,
    economy: profile.economy,
    expertiseSectors: profile.expertiseSectors,
    expertiseTopics: profile.expertiseTopics,
    economies: profile.economies,
    languages: profile.languages,
    capacity: profile.capacity,
    acceptingRequests: profile.acceptingRequests,
    yearsOfExperience: profile.yearsOfExperience,
    gender: profile.gender,
  };
}
