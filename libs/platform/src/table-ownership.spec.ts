import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Architecture rule 7: every table has one owner lib (the lib whose entity maps it), and only the
 * owner's code names it in SQL; other libs call the owner's exported operations. This reads each
 * lib's source (specs, test helpers and migrations aside) for SQL that names a table. libs/testing
 * is test support, which checks what features wrote, and is left out as specs are.
 */
const NOT_PRODUCT_CODE = new Set(['testing']);
const ROOT = join(__dirname, '..', '..', '..');
const LIBS = join(ROOT, 'libs');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'migrations' ? [] : sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Table → the lib whose `@Entity('table')` maps it. */
function owners(): Map<string, string> {
  const owner = new Map<string, string>();
  for (const lib of readdirSync(LIBS)) {
    for (const file of sourceFiles(join(LIBS, lib, 'src'))) {
      for (const [, table] of readFileSync(file, 'utf8').matchAll(/@Entity\(\s*'(\w+)'/g)) {
        expect(owner.get(table) ?? lib).toBe(lib);
        owner.set(table, lib);
      }
    }
  }
  return owner;
}

/** Tables named by SQL in the text: after FROM, JOIN, UPDATE, INTO, TABLE, COPY, or as a query builder's table. */
export function tablesNamed(text: string, known: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  const patterns = [
    /\b(?:FROM|JOIN|UPDATE|INTO|TABLE|TRUNCATE|COPY)\s+"?([a-z_]+)"?/g,
    /\.(?:from|innerJoin|leftJoin|innerJoinAndSelect|leftJoinAndSelect)\(\s*'([a-z_]+)'/g,
    /\bcopyRows\(\s*\w+,\s*'([a-z_]+)'/g,
  ];
  for (const pattern of patterns) {
    for (const [, table] of text.matchAll(pattern)) if (known.has(table)) found.add(table);
  }
  return found;
}

describe('table ownership (architecture rule 7)', () => {
  const owner = owners();
  const known = new Set(owner.keys());

  it('finds the tables SQL names, and only those', () => {
    const sql = `SELECT o.id FROM organizations o JOIN "users" u ON u.id = o.owner_id
      WHERE EXISTS (SELECT 1 FROM mentor_profiles m) -- the organizations we own`;
    expect([...tablesNamed(sql, known)].sort()).toEqual(['mentor_profiles', 'organizations', 'users']);
    expect([...tablesNamed(`qb.innerJoin('users', 'u', 'u.id = m.user_id')`, known)]).toEqual(['users']);
    expect([...tablesNamed(`copyRows(runner, 'organizations', COLUMNS, rows)`, known)]).toEqual([
      'organizations',
    ]);
    expect(tablesNamed('UPDATE settings SET x = 1; SELECT * FROM unnest($1)', known).size).toBe(0);
  });

  it('maps every table to one lib', () => {
    expect(owner.get('organizations')).toBe('profiles');
    expect(owner.get('mentorship_requests')).toBe('mentorships');
    expect(owner.get('job_intents')).toBe('queue');
  });

  it('lets only the owner name a table in SQL', () => {
    const violations = new Map<string, string[]>();
    for (const lib of readdirSync(LIBS).filter((name) => !NOT_PRODUCT_CODE.has(name))) {
      for (const file of sourceFiles(join(LIBS, lib, 'src'))) {
        for (const table of tablesNamed(readFileSync(file, 'utf8'), known)) {
          if (owner.get(table) === lib) continue;
          const key = `${lib}: ${table}`;
          violations.set(key, [...(violations.get(key) ?? []), relative(ROOT, file)]);
        }
      }
    }
    const named = [...violations.entries()].map(
      ([key, files]) => `${key} (${files.join(', ')}), owned by libs/${owner.get(key.split(': ')[1])}`,
    );
    expect(named).toEqual([]);
  });
});
