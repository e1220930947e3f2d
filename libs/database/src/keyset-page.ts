import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import {
  decodeUuidCursor,
  encodeCursor,
  pageSize,
  type KeysetPosition,
  type Page,
  type PageRequest,
} from '@app/common';
import { countRows } from './count-rows';

export interface KeysetOptions<E extends ObjectLiteral, T> {
  /** Sort key and tie-breaking id as SQL on the query's alias, e.g. `o.name` and `o.id`. */
  keyColumn: string;
  idColumn: string;
  /** ASC (default) pages forwards through the key; DESC backwards (newest first). */
  direction?: 'ASC' | 'DESC';
  /** Runs the page query (entities, raw hydration, ...). */
  fetch: (query: SelectQueryBuilder<E>) => Promise<T[]>;
  /** The sort key and id of an item, for its cursor. */
  positionOf: (item: T) => KeysetPosition;
  /** Checks a cursor (default: its id must be a UUID), answering BAD_USER_INPUT otherwise. */
  decode?: (cursor: string) => KeysetPosition;
}

/**
 * One page of a filtered query, keyset-paginated on (key, id): stable under inserts, no OFFSET
 * scans. `base` carries the filters; the page and its total count run side by side.
 */
export async function keysetPage<E extends ObjectLiteral, T>(
  base: SelectQueryBuilder<E>,
  request: PageRequest,
  options: KeysetOptions<E, T>,
): Promise<Page<T>> {
  const size = pageSize(request.first);
  const direction = options.direction ?? 'ASC';
  const pageQuery = base
    .clone()
    .orderBy(options.keyColumn, direction)
    .addOrderBy(options.idColumn, direction)
    .limit(size + 1);
  if (request.after) {
    const { key, id } = (options.decode ?? decodeUuidCursor)(request.after);
    const comparison = direction === 'ASC' ? '>' : '<';
    pageQuery.andWhere(`(${options.keyColumn}, ${options.idColumn}) ${comparison} (:afterKey, :afterId)`, {
      afterKey: key,
      afterId: id,
    });
  }
  const [rows, totalCount] = await Promise.all([options.fetch(pageQuery), countRows(base)]);
  const items = rows.slice(0, size);
  return {
    items,
    totalCount,
    hasNextPage: rows.length > size,
    cursors: items.map((item) => encodeCursor(options.positionOf(item))),
  };
}
