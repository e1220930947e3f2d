import { Injectable } from '@nestjs/common';
import { DataSource, type QueryRunner } from 'typeorm';
import { Role } from '@app/common';
import { copyRows } from '@app/database';
import {
  MENTOR_COPY_COLUMNS,
  ORGANIZATION_COPY_COLUMNS,
  USER_COPY_COLUMNS,
  buildMentorRecord,
  buildOrganizationRecord,
  mentorCopyRow,
  organizationCopyRow,
} from '@app/profiles';
import type { Population } from './population';

export type ProgressListener = (done: number, total: number) => void;

/** Writes a synthetic population in one transaction with COPY: all of it or none. */
@Injectable()
export class PopulationLoader {
  constructor(private readonly dataSource: DataSource) {}

  async load(population: Population, onProgress?: ProgressListener, runner?: QueryRunner): Promise<void> {
    const total = population.owners.length + population.organizations.length + population.mentors.length * 2;
    let done = 0;
    const step = (n: number): void => {
      done += n;
      onProgress?.(done, total);
    };
    const run = async (qr: QueryRunner): Promise<void> => {
      const users = [
        ...population.owners.map((u) => [u.id, u.email, null, u.displayName, [Role.MSME_OWNER], []]),
        ...population.mentors.map((m) => [
          m.user.id,
          m.user.email,
          null,
          m.user.displayName,
          [Role.MENTOR],
          [],
        ]),
      ] as Array<Array<string | null | string[]>>;
      await copyRows(qr, 'users', USER_COPY_COLUMNS, users);
      step(population.owners.length + population.mentors.length);
      const orgRows = population.organizations.map((o, i) => {
        const { record, errors } = buildOrganizationRecord(o.fields);
        if (!record) throw new Error(`Generated organisation ${i} is invalid: ${JSON.stringify(errors)}`);
        return organizationCopyRow(population.owners[o.owner].id, record);
      });
      await copyRows(qr, 'organizations', ORGANIZATION_COPY_COLUMNS, orgRows);
      step(orgRows.length);
      const mentorRows = population.mentors.map((m, i) => {
        const { record, errors } = buildMentorRecord(m.fields);
        if (!record) throw new Error(`Generated mentor ${i} is invalid: ${JSON.stringify(errors)}`);
        return mentorCopyRow(m.user.id, record);
      });
      await copyRows(qr, 'mentor_profiles', MENTOR_COPY_COLUMNS, mentorRows);
      step(mentorRows.length);
    };
    if (runner) return run(runner);
    await this.dataSource.transaction((manager) => run(manager.queryRunner as QueryRunner));
  }
}
