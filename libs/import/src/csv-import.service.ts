import { Injectable } from '@nestjs/common';
import { AuditAction, recordAuditEvent } from '@app/audit';
import Papa from 'papaparse';
import { DataSource, type QueryRunner } from 'typeorm';
import { Role } from '@app/common';
import { copyUsers, normalizeEmail, ownerIdsByEmail, takenEmails, type NewUser } from '@app/accounts';
import {
  Gender,
  OrganizationKind,
  buildMentorRecord,
  buildOrganizationRecord,
  copyMentorProfiles,
  discardLoadedOrganizations,
  openOrganizationCopy,
  organizationCopyLine,
  setOrganizationOwners,
  type FieldError,
  type NewMentorProfile,
  type OrganizationRecord,
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

interface ParsedRow {
  line: number;
  row: Row;
}

/**
 * CSV bulk import: every row validated by the same rules as the API, bad rows reported with
 * their line and reason, and nothing written when any row is bad (unless skipInvalid).
 * Rows go in with COPY inside one transaction.
 */
@Injectable()
export class CsvImportService {
  constructor(private readonly dataSource: DataSource) {}

  async import(kind: ImportKind, csv: string | Buffer, options: ImportOptions = {}): Promise<ImportResult> {
    const text = typeof csv === 'string' ? csv : csv.toString('utf8');
    if (kind === 'organizations') return this.importOrganizations(text, options);
    const rows: ParsedRow[] = [];
    const fatal = await parseCsv(text, kind, async (batch) => void rows.push(...batch));
    if (fatal) return { total: 0, imported: 0, invalid: [fatal], committed: false };
    return this.importMentors(rows, options);
  }

  /**
   * Parsing, validation and COPY overlap: each batch of rows is validated and streamed while
   * PostgreSQL ingests the previous one. One bad row (without skipInvalid) abandons the COPY
   * and the transaction rolls back; parsing and validation still run to the end so every bad
   * row is reported. Owner emails are resolved after the COPY, in one look-up and one UPDATE
   * (ids are made here), so nothing has to be looked up before streaming starts.
   */
  private async importOrganizations(text: string, options: ImportOptions): Promise<ImportResult> {
    const invalid: RowError[] = [];
    const total = estimateRows(text);
    return this.inTransaction(async (runner) => {
      const copy = await openOrganizationCopy(runner);
      const owned: Array<{ id: string; email: string; line: number }> = [];
      let writing = true;
      let imported = 0;
      let seen = 0;
      // The previous batch drains to the server while the next one is validated.
      let inFlight: Promise<void> = Promise.resolve();
      const stop = (): void => {
        if (!writing || options.skipInvalid) return;
        writing = false;
        copy.abort();
        inFlight.catch(() => undefined);
      };
      try {
        const fatal = await parseCsv(text, 'organizations', async (batch) => {
          let chunk = '';
          for (const { line, row } of batch) {
            const result = organizationRow(row);
            if ('errors' in result) {
              invalid.push({ line, errors: result.errors });
              stop();
            } else if (writing) {
              const id = randomUUID();
              if (row.owner_email) owned.push({ id, email: normalizeEmail(row.owner_email), line });
              chunk += organizationCopyLine({ id, ownerId: null, record: result.record });
              imported++;
            }
          }
          seen += batch.length;
          options.onProgress?.(seen, Math.max(seen, total), 'validate');
          if (writing && chunk) {
            await inFlight;
            inFlight = copy.write(chunk);
          }
        });
        if (fatal) {
          stop();
          return { rollback: true, result: { total: 0, imported: 0, invalid: [fatal], committed: false } };
        }
        if (!writing)
          return { rollback: true, result: { total: seen, imported: 0, invalid, committed: false } };
        await inFlight;
        await copy.end();
      } catch (err) {
        copy.abort();
        throw err;
      }
      const unowned = await this.assignOwners(runner, owned);
      for (const row of unowned)
        invalid.push({
          line: row.line,
          errors: [{ field: 'owner_email', message: 'is not an MSME owner account' }],
        });
      if (unowned.length > 0) {
        if (!options.skipInvalid)
          return { rollback: true, result: { total: seen, imported: 0, invalid, committed: false } };
        await discardLoadedOrganizations(
          runner.manager,
          unowned.map((r) => r.id),
        );
        imported -= unowned.length;
      }
      invalid.sort((x, y) => x.line - y.line);
      await recordAuditEvent(runner.manager, {
        actorId: null,
        action: AuditAction.ORGANIZATIONS_IMPORTED,
        targetType: 'organization',
        details: { imported, skipped: invalid.length },
      });
      options.onProgress?.(seen, seen, 'write');
      return { rollback: false, result: { total: seen, imported, invalid, committed: true } };
    });
  }

  /** Sets owner_id from owner emails; returns the rows whose email is not an MSME owner. */
  private async assignOwners(
    runner: QueryRunner,
    owned: Array<{ id: string; email: string; line: number }>,
  ): Promise<Array<{ id: string; line: number }>> {
    if (owned.length === 0) return [];
    const owners = await ownerIdsByEmail(
      runner.manager,
      owned.map((o) => o.email),
    );
    const assigned = owned.filter((o) => owners.has(o.email));
    await setOrganizationOwners(
      runner.manager,
      assigned.map((o) => o.id),
      assigned.map((o) => owners.get(o.email)!),
    );
    return owned.filter((o) => !owners.has(o.email));
  }

  /** Runs `work` in a transaction it commits, or rolls back when asked or on error. */
  private async inTransaction(
    work: (runner: QueryRunner) => Promise<{ rollback: boolean; result: ImportResult }>,
  ): Promise<ImportResult> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const { rollback, result } = await work(runner);
      if (rollback) await runner.rollbackTransaction();
      else await runner.commitTransaction();
      return result;
    } catch (err) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw err;
    } finally {
      await runner.release();
    }
  }

  private async importMentors(rows: ParsedRow[], options: ImportOptions): Promise<ImportResult> {
    const invalid: RowError[] = [];
    const emails = rows.map((r) => normalizeEmail(r.row.email ?? ''));
    return this.dataSource.transaction(async (manager) => {
      const runner = manager.queryRunner as QueryRunner;
      const taken = await takenEmails(manager, emails);
      const seen = new Set<string>();
      const users: NewUser[] = [];
      const profiles: NewMentorProfile[] = [];
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
          const userId = randomUUID();
          users.push({ id: userId, email, passwordHash: null, displayName, roles: [Role.MENTOR] });
          profiles.push({ id: randomUUID(), userId, record });
        }
        if (i % 5000 === 0) options.onProgress?.(i, rows.length, 'validate');
      });
      options.onProgress?.(rows.length, rows.length, 'validate');
      if (invalid.length > 0 && !options.skipInvalid)
        return { total: rows.length, imported: 0, invalid, committed: false };
      await copyUsers(runner, users);
      await copyMentorProfiles(runner, profiles);
      await recordAuditEvent(manager, {
        actorId: null,
        action: AuditAction.MENTORS_IMPORTED,
        targetType: 'mentor_profile',
        details: { imported: profiles.length, skipped: invalid.length },
      });
      options.onProgress?.(rows.length, rows.length, 'write');
      return { total: rows.length, imported: profiles.length, invalid, committed: true };
    });
  }
}

const CHUNK_ROWS = 5000;

/** Validates one organisation row; its record when valid, its errors otherwise. */
function organizationRow(row: Row): { record: OrganizationRecord } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fields = {
    name: row.name,
    description: row.description || null,
    kind: row.kind?.toUpperCase() as OrganizationKind,
    isicDivision: (row.isic_division ?? '').padStart(2, '0'),
    economy: (row.economy ?? '').toUpperCase(),
    city: row.city || null,
    locality: (row.locality ?? '').toUpperCase() as Locality,
    employees: integer(row.employees, 'employees', errors),
    foundedYear: optionalInteger(row.founded_year, 'founded_year', errors),
    womenOwnershipPercent: number(row.women_ownership_percent, 'women_ownership_percent', errors),
    womanInTopManagement: boolean(row.woman_in_top_management, 'woman_in_top_management', errors),
    boardWomenPercent: optionalNumber(row.board_women_percent, 'board_women_percent', errors),
    youthLed: optionalBoolean(row.youth_led, 'youth_led', errors),
    socialEnterprise: optionalBoolean(row.social_enterprise, 'social_enterprise', errors),
    prefersWomanMentor: optionalBoolean(row.prefers_woman_mentor, 'prefers_woman_mentor', errors),
    cluster: row.cluster || null,
    needs: list(row.needs).map((t) => t.toUpperCase()),
    targetEconomies: list(row.target_economies).map((e) => e.toUpperCase()),
    languages: list(row.languages).map((l) => l.toLowerCase()),
  };
  const { record, errors: fieldErrors } = buildOrganizationRecord(fields);
  errors.push(...fieldErrors.filter((e) => !errors.some((x) => sameField(x.field, e.field))));
  if (errors.length > 0 || !record) return { errors };
  return { record };
}

const estimateRows = (text: string): number => {
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return Math.max(0, lines - 1);
};

/**
 * Parses CSV (RFC 4180: quoted fields may hold commas, quotes and newlines) into rows keyed by
 * lower-cased header, each with the line it starts on (the header is line 1), handing them
 * over in batches; parsing pauses while a batch is being handled. Resolves with the fatal
 * error that stopped it, if any (malformed file, missing columns).
 */
function parseCsv(
  input: string,
  kind: ImportKind,
  onBatch: (rows: ParsedRow[]) => Promise<void>,
): Promise<RowError | undefined> {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  return new Promise((resolve, reject) => {
    let header: string[] | undefined;
    let batch: ParsedRow[] = [];
    let line = 1;
    let position = 0;
    // Papa's cursor counts from where parsing last resumed (it re-parses the rest after a pause).
    let base = 0;
    let fatal: RowError | undefined;
    const fail = (error: RowError, parser: Papa.Parser): void => {
      fatal = error;
      parser.abort();
    };
    Papa.parse<string[]>(text, {
      header: false,
      skipEmptyLines: 'greedy',
      step: (result, parser) => {
        // Newlines before this row's first character: blank lines, the previous row's end.
        while (position < text.length && (text[position] === '\n' || text[position] === '\r')) {
          if (text[position] === '\n') line++;
          position++;
        }
        const rowLine = line;
        const end = base + result.meta.cursor;
        for (let i = text.indexOf('\n', position); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line++;
        position = end;
        if (result.errors.length > 0) {
          return fail(
            { line: rowLine, errors: [{ field: 'file', message: result.errors[0].message }] },
            parser,
          );
        }
        const cells = result.data;
        if (!header) {
          header = cells.map((c) => c.trim().toLowerCase());
          const missing = REQUIRED[kind].filter((c) => !header!.includes(c));
          if (missing.length > 0) {
            fail(
              { line: 1, errors: [{ field: 'header', message: `missing columns: ${missing.join(', ')}` }] },
              parser,
            );
          }
          return;
        }
        if (cells.length !== header.length) {
          return fail(
            {
              line: rowLine,
              errors: [
                { field: 'file', message: `expected ${header.length} columns, found ${cells.length}` },
              ],
            },
            parser,
          );
        }
        const row: Row = {};
        for (let i = 0; i < header.length; i++) {
          const cell = cells[i];
          row[header[i]] =
            cell.length > 0 && (cell.charCodeAt(0) <= 32 || cell.charCodeAt(cell.length - 1) <= 32)
              ? cell.trim()
              : cell;
        }
        batch.push({ line: rowLine, row });
        if (batch.length >= CHUNK_ROWS) {
          const full = batch;
          batch = [];
          base = end;
          parser.pause();
          onBatch(full).then(() => parser.resume(), reject);
        }
      },
      complete: () => {
        if (fatal) return resolve(fatal);
        if (!header) return resolve({ line: 1, errors: [{ field: 'header', message: 'the file is empty' }] });
        onBatch(batch).then(() => resolve(undefined), reject);
      },
      error: (err: Error) => reject(err),
    });
  });
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
