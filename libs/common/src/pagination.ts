import { badInput } from './error-code';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageRequest {
  first?: number | null;
  after?: string | null;
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  hasNextPage: boolean;
  /** Cursor of each item, in order. */
  cursors: string[];
}

/** Keyset position: the sort key and the id that breaks ties. */
export interface KeysetPosition {
  key: string;
  id: string;
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput(`first must be an integer between 0 and ${MAX_PAGE_SIZE}`);
  }
  return first;
}

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.key, position.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): KeysetPosition {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string'
    ) {
      return { key: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the coded error
  }
  throw badInput('after is not a valid cursor');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A well-formed UUID: ids that are not one name nothing, and must not reach the database. */
export const isUuid = (value: string): boolean => UUID.test(value);

/**
 * A cursor whose tie-breaking id is a row's UUID primary key. Checked here, because a
 * well-formed cursor naming a non-UUID id would otherwise fail in the database (an internal error).
 */
export function decodeUuidCursor(cursor: string): KeysetPosition {
  const position = decodeCursor(cursor);
  if (!isUuid(position.id)) throw badInput('after is not a valid cursor');
  return position;
}
