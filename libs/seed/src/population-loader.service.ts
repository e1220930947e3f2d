import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type QueryRunner } from 'typeorm';
import { copyUsers, type NewUser } from '@app/accounts';
import { Role } from '@app/common';
import {
  buildMentorRecord,
  buildOrganizationRecord,
  copyMentorProfiles,
  copyOrganizations,
  type NewMentorProfile,
  type NewOrganization,
} from '@app/profiles';
import type { Population } from './population';

export type ProgressListener = (done: number, total: number) => void;

/** The ids the loaded profiles got, in the population's order. */
export interface LoadedPopulation {
  organizationIds: string[];
  mentorIds: string[];
}

/** Writes a synthetic population in one transaction with COPY: all of it or none. */
@Injectable()
export class PopulationLoader {
  constructor(private readonly dataSource: DataSource) {}

  /** `runner`: load in the caller's transaction (it commits); otherwise in one of its own. */
  async load(
    population: Population,
    onProgress?: ProgressListener,
    runner?: QueryRunner,
  ): Promise<LoadedPopulation> {
    const total = population.owners.length + population.organizations.length + population.mentors.length * 2;
    let done = 0;
    const step = (n: number): void => {
      done += n;
      onProgress?.(done, total);
    };
    const run = async (qr: QueryRunner): Promise<LoadedPopulation> => {
      const users: NewUser[] = [
        ...population.owners.map((u) => ({ ...u, passwordHash: null, roles: [Role.MSME_OWNER] })),
        ...population.mentors.map((m) => ({ ...m.user, passwordHash: null, roles: [Role.MENTOR] })),
      ];
      await copyUsers(qr, users);
      step(users.length);
      const organizations = population.organizations.map((o, i): NewOrganization => {
        const { record, errors } = buildOrganizationRecord(o.fields);
        if (!record) throw new Error(`Generated organisation ${i} is invalid: ${JSON.stringify(errors)}`);
        return { id: randomUUID(), ownerId: population.owners[o.owner].id, record };
      });
      await copyOrganizations(qr, organizations);
      step(organizations.length);
      const mentors = population.mentors.map((m, i): NewMentorProfile => {
        const { record, errors } = buildMentorRecord(m.fields);
        if (!record) throw new Error(`Generated mentor ${i} is invalid: ${JSON.stringify(errors)}`);
        return { id: randomUUID(), userId: m.user.id, record };
      });
      await copyMentorProfiles(qr, mentors);
      step(mentors.length);
      return { organizationIds: organizations.map((o) => o.id), mentorIds: mentors.map((m) => m.id) };
    };
    if (runner) return run(runner);
    return this.dataSource.transaction((manager) => run(manager.queryRunner as QueryRunner));
  }
}
