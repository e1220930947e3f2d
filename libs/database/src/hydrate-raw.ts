import type { EntityMetadata, ObjectLiteral, ValueTransformer } from 'typeorm';

/**
 * Entities from the raw rows of a query builder selecting `alias.*` (its default). For list
 * pages this replaces TypeORM's general result transformer (relations, embeddeds, eager
 * joins: none of which these queries have), which was the largest cost of a list request.
 * Column transformers still apply; the driver has already parsed dates and arrays.
 */
export function hydrateRaw<T extends ObjectLiteral>(
  metadata: EntityMetadata,
  alias: string,
  rows: ReadonlyArray<Record<string, unknown>>,
): T[] {
  const columns = metadata.columns.map((column) => ({
    property: column.propertyName,
    key: `${alias}_${column.databaseName}`,
    from: (column.transformer as ValueTransformer | undefined)?.from,
  }));
  return rows.map((row) => {
    const entity = metadata.create() as Record<string, unknown>;
    for (const { property, key, from } of columns) {
      const value = row[key];
      entity[property] = from ? from(value) : value;
    }
    return entity as T;
  });
}

/**
 * The select list a query builder writes for `alias.*` (`"m"."id" AS "m_id", ...`), for hot
 * read paths written as plain SQL whose rows `hydrateRaw` then turns into entities.
 */
export function selectColumns(metadata: EntityMetadata, alias: string): string {
  return metadata.columns
    .map((column) => `"${alias}"."${column.databaseName}" AS "${alias}_${column.databaseName}"`)
    .join(', ');
}
