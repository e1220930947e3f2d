import { Injectable } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { DataSource, type QueryRunner } from 'typeorm';
import { Role } from '@app/common';
import { copyRows, type CopyValue } from '@app/database';
import { normalizeEmail } from '@app/accounts';
import {
  Gender,
  MENTOR_COPY_COLUMNS,
  ORGANIZATION_COPY_COLUMNS,
  OrganizationKind,
  USER_COPY_COLUMNS,
  buildMentorRecord,
  buildOrganizationRecord,
  mentorCopyRow,
  organizationCopyRow,
  type FieldError,
} from '@app/profiles';
import { Locality } from '@app/taxonomy';
import { randomUUID } from 'node:crypto';

export type ImportKind = 'organizations' | 'mentors';

export interface RowError {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  errors: FieldError[];
}

export interface ImportResult {
  total: number;
  imported: number;
  invalid: RowError[];
  /** False when bad rows stopped the import (nothing was written). */
  committed: boolean;
}

export interface ImportOptions {
  skipInvalid?: boolean;
  onProgress?: (done: number, total: number, phase: 'validate' | 'write') => void;
}

export const ORGANIZATION_CSV_COLUMNS = [
  'name',
  'kind',
  'isic_division',
  'economy',
  'city',
  'locality',
  'employees',
  'founded_year',
  'women_ownership_percent',
  'woman_in_top_management',
  'board_women_percent',
  'youth_led',
  'social_enterprise',
  'cluster',
  'needs',
  'target_economies',
  'languages',
  'description',
  'owner_email',
] as const;

export const MENTOR_CSV_COLUMNS = [
  'email',
  'display_name',
  'headline',
  'bio',
  'economy',
  'expertise_sectors',
  'expertise_topics',
  'economies',
  'languages',
  'capacity',
  'accepting_requests',
  'years_of_experience',
  'gender',
] as const;

const REQUIRED: Record<ImportKind, readonly string[]> = {
  organizations: [
    'name',
    'kind',
    'isic_division',
    'economy',
    'locality',
    'employees',
    'women_ownership_percent',
    'woman_in_top_management',
    'languages',
  ],
  mentors: ['email', 'display_name', 'headline', 'economy', 'languages'],
};

type Row = Record<string, string>;

/**
 * CSV bulk import: every row validated by the same rules as the API, bad rows reported with
 * their line and reason, and nothing written when any row is bad (unless skipInvalid).
 * Rows go in with COPY inside one transaction.
 */
@Injectable()
export class CsvImportService {
  constructor(private readonly dataSource: DataSource) {}

  async import(kind: ImportKind, csv: string | Buffer, options: ImportOptions = {}): Promise<ImportResult> {
    const parsed = parseCsv(csv, kind);
    if ('fatal' in parsed) return { total: 0, imported: 0, invalid: [parsed.fatal], committed: false };
    return kind === 'organizations'
      ? this.importOrganizations(parsed.rows, options)
      : this.importMentors(parsed.rows, options);
  }

  private async importOrganizations(
    rows: Array<{ line: number; row: Row }>,
    options: ImportOptions,
  ): Promise<ImportResult> {
    const invalid: RowError[] = [];
    const ownerEmails = [
      ...new Set(
        rows
          .map((r) => r.row.owner_email)
          .filter(Boolean)
          .map(normalizeEmail),
      ),
    ];
    return this.dataSource.transaction(async (manager) => {
      const runner = manager.queryRunner as QueryRunner;
      const owners = new Map<string, string>();
      if (ownerEmails.length > 0) {
        const found = (await runner.query(
          `SELECT id, email FROM users WHERE email = ANY($1) AND 'MSME_OWNER' = ANY(roles)`,
          [ownerEmails],
        )) as Array<{ id: string; email: string }>;
        for (const u of found) owners.set(u.email, u.id);
      }
      const out: CopyValue[][] = [];
      rows.forEach(({ line, row }, i) => {
        const errors: FieldError[] = [];
        const fields = {
          name: row.name,
          description: row.description || null,
          kind: row.kind?.trim().toUpperCase() as OrganizationKind,
          isicDivision: (row.isic_division ?? '').trim().padStart(2, '0'),
          economy: (row.economy ?? '').trim().toUpperCase(),
          city: row.city || null,
          locality: (row.locality ?? '').trim().toUpperCase() as Locality,
          employees: integer(row.employees, 'employees', errors),
          foundedYear: optionalInteger(row.founded_year, 'founded_year', errors),
          womenOwnershipPercent: number(row.women_ownership_percent, 'women_ownership_percent', errors),
          womanInTopManagement: boolean(row.woman_in_top_management, 'woman_in_top_management', errors),
          boardWomenPercent: optionalNumber(row.board_women_percent, 'board_women_percent', errors),
          youthLed: optionalBoolean(row.youth_led, 'youth_led', errors),
          socialEnterprise: optionalBoolean(row.social_enterprise, 'social_enterprise', errors),
          cluster: row.cluster || null,
          needs: list(row.needs).map((t) => t.toUpperCase()),
          targetEconomies: list(row.target_economies).map((e) => e.toUpperCase()),
          languages: list(row.languages).map((l) => l.toLowerCase()),
        };
        let ownerId: string | null = null;
        if (row.owner_email) {
          ownerId = owners.get(normalizeEmail(row.owner_email)) ?? null;
          if (!ownerId) errors.push({ field: 'owner_email', message: 'is not an MSME owner account' });
        }
        const { record, errors: fieldErrors } = buildOrganizationRecord(fields);
        errors.push(...fieldErrors.filter((e) => !errors.some((x) => sameField(x.field, e.field))));
        if (errors.length > 0 || !record) invalid.push({ line, errors });
        else out.push(organizationCopyRow(ownerId, record));
        if (i % 5000 === 0) options.onProgress?.(i, rows.length, 'validate');
      });
      options.onProgress?.(rows.length, rows.length, 'validate');
      if (invalid.length > 0 && !options.skipInvalid)
        return { total: rows.length, imported: 0, invalid, committed: false };
      await copyRows(runner, 'organizations', ORGANIZATION_COPY_COLUMNS, out);
      options.onProgress?.(rows.length, rows.length, 'write');
      return { total: rows.length, imported: out.length, invalid, committed: true };
    });
  }

  private async importMentors(
    rows: Array<{ line: number; row: Row }>,
    options: ImportOptions,
  ): Promise<ImportResult> {
    const invalid: RowError[] = [];
    const emails = rows.map((r) => normalizeEmail(r.row.email ?? ''));
    return this.dataSource.transaction(async (manager) => {
      const runner = manager.queryRunner as QueryRunner;
      const taken = new Set(
        (
          (await runner.query(`SELECT email FROM users WHERE email = ANY($1)`, [emails])) as Array<{
            email: string;
          }>
        ).map((u) => u.email),
      );
      const seen = new Set<string>();
      const users: CopyValue[][] = [];
      const profiles: CopyValue[][] = [];
      rows.forEach(({ line, row }, i) => {
        const errors: FieldError[] = [];
        const email = emails[i];
        if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
          errors.push({ field: 'email', message: 'is not an email address' });
        else if (taken.has(email)) errors.push({ field: 'email', message: 'already has an account' });
        else if (seen.has(email)) errors.push({ field: 'email', message: 'appears twice in the file' });
        seen.add(email);
        const displayName = (row.display_name ?? '').trim();
        if (!displayName || displayName.length > 100)
          errors.push({ field: 'display_name', message: 'must be 1-100 characters' });
        const gender = (row.gender ?? '').trim().toUpperCase();
        if (gender && !Object.values(Gender).includes(gender as Gender))
          errors.push({ field: 'gender', message: 'is not a known value' });
        const { record, errors: fieldErrors } = buildMentorRecord({
          headline: row.headline,
          bio: row.bio ?? '',
          economy: (row.economy ?? '').trim().toUpperCase(),
          expertiseSectors: list(row.expertise_sectors).map((s) =>
            /^\d$/.test(s) ? `0${s}` : s.toUpperCase(),
          ),
          expertiseTopics: list(row.expertise_topics).map((t) => t.toUpperCase()),
          economies: list(row.economies).map((e) => e.toUpperCase()),
          languages: list(row.languages).map((l) => l.toLowerCase()),
          capacity: optionalInteger(row.capacity, 'capacity', errors) ?? undefined,
          acceptingRequests:
            optionalBoolean(row.accepting_requests, 'accepting_requests', errors) ?? undefined,
          yearsOfExperience:
            optionalInteger(row.years_of_experience, 'years_of_experience', errors) ?? undefined,
          gender: gender && Object.values(Gender).includes(gender as Gender) ? (gender as Gender) : null,
        });
        errors.push(...fieldErrors.filter((e) => !errors.some((x) => sameField(x.field, e.field))));
        if (errors.length > 0 || !record) {
          invalid.push({ line, errors });
        } else {
          const id = randomUUID();
          users.push([id, email, null, displayName, [Role.MENTOR], []]);
          profiles.push(mentorCopyRow(id, record));
        }
        if (i % 5000 === 0) options.onProgress?.(i, rows.length, 'validate');
      });
      options.onProgress?.(rows.length, rows.length, 'validate');
      if (invalid.length > 0 && !options.skipInvalid)
        return { total: rows.length, imported: 0, invalid, committed: false };
      await copyRows(runner, 'users', USER_COPY_COLUMNS, users);
      await copyRows(runner, 'mentor_profiles', MENTOR_COPY_COLUMNS, profiles);
      options.onProgress?.(rows.length, rows.length, 'write');
      return { total: rows.length, imported: profiles.length, invalid, committed: true };
    });
  }
}

function parseCsv(
  csv: string | Buffer,
  kind: ImportKind,
): { rows: Array<{ line: number; row: Row }> } | { fatal: RowError } {
  let records: Array<{ record: Row; info: { lines: number } }>;
  try {
    records = parse(csv, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      info: true,
      bom: true,
      skip_empty_lines: true,
      trim: true,
    }) as Array<{ record: Row; info: { lines: number } }>;
  } catch (err) {
    const e = err as { lines?: number; message: string };
    return { fatal: { line: e.lines ?? 0, errors: [{ field: 'file', message: e.message }] } };
  }
  const header = records.length > 0 ? Object.keys(records[0].record) : [];
  const missing = REQUIRED[kind].filter((c) => !header.includes(c));
  if (records.length > 0 && missing.length > 0) {
    return {
      fatal: { line: 1, errors: [{ field: 'header', message: `missing columns: ${missing.join(', ')}` }] },
    };
  }
  return { rows: records.map((r) => ({ line: r.info.lines, row: r.record })) };
}

const snake = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const sameField = (a: string, b: string): boolean => snake(a) === snake(b);

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[;|]/)
    .map((v) => v.trim())
    .filter(Boolean);
}

function integer(value: string | undefined, field: string, errors: FieldError[]): number {
  const n = Number(value);
  if (value === undefined || value === '' || !Number.isInteger(n)) {
    errors.push({ field, message: `"${value ?? ''}" is not a whole number` });
    return NaN;
  }
  return n;
}

function optionalInteger(value: string | undefined, field: string, errors: FieldError[]): number | null {
  return value === undefined || value === '' ? null : integer(value, field, errors);
}

function number(value: string | undefined, field: string, errors: FieldError[]): number {
  const n = Number(value);
  if (value === undefined || value === '' || !Number.isFinite(n)) {
    errors.push({ field, message: `"${value ?? ''}" is not a number` });
    return NaN;
  }
  return n;
}

function optionalNumber(value: string | undefined, field: string, errors: FieldError[]): number | null {
  return value === undefined || value === '' ? null : number(value, field, errors);
}

const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);

function boolean(value: string | undefined, field: string, errors: FieldError[]): boolean {
  const v = (value ?? '').toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  errors.push({ field, message: `"${value ?? ''}" is not true or false` });
  return false;
}

function optionalBoolean(value: string | undefined, field: string, errors: FieldError[]): boolean | null {
  return value === undefined || value === '' ? null : boolean(value, field, errors);
}
