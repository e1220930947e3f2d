import fc from 'fast-check';
import { copyLine, type CopyValue } from './bulk-copy';

/**
 * Reads one line of COPY text format the way PostgreSQL does (tab-separated fields, backslash
 * escapes, `\N` for NULL). Independent of the code under test, so round trips mean something.
 */
function readCopyLine(line: string): Array<string | null> {
  expect(line.endsWith('\n')).toBe(true);
  const body = line.slice(0, -1);
  expect(body).not.toMatch(/[\n\r]/);
  return body.split('\t').map((field) => {
    if (field === '\\N') return null;
    return field.replace(/\\(.)/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r' })[c] ?? c);
  });
}

/** Parses a PostgreSQL array literal of text (one dimension), as array_in does. */
function readArrayLiteral(literal: string): string[] {
  expect(literal.startsWith('{') && literal.endsWith('}')).toBe(true);
  const inner = literal.slice(1, -1);
  const items: string[] = [];
  let i = 0;
  if (inner === '') return items;
  while (i <= inner.length) {
    let item = '';
    if (inner[i] === '"') {
      i++;
      while (i < inner.length && inner[i] !== '"') {
        if (inner[i] === '\\') i++;
        item += inner[i++];
      }
      expect(inner[i]).toBe('"');
      i++;
    } else {
      // Unquoted elements cannot hold structure characters; copyLine always quotes.
      while (i < inner.length && inner[i] !== ',') item += inner[i++];
      expect(item).not.toMatch(/["\\{}\s]/);
    }
    items.push(item);
    if (i >= inner.length) break;
    expect(inner[i]).toBe(',');
    i++;
  }
  return items;
}

describe('copyLine', () => {
  it('separates fields with tabs and ends with a newline', () => {
    expect(copyLine(['a', 'b', 'c'])).toBe('a\tb\tc\n');
  });

  it('writes NULL as \\N, distinct from the string "\\N" and from the empty string', () => {
    expect(copyLine([null, '', '\\N'])).toBe('\\N\t\t\\\\N\n');
    expect(readCopyLine(copyLine([null, '', '\\N']))).toEqual([null, '', '\\N']);
  });

  it('escapes tabs, newlines, carriage returns and backslashes inside strings', () => {
    expect(copyLine(['a\tb'])).toBe('a\\tb\n');
    expect(copyLine(['line1\nline2'])).toBe('line1\\nline2\n');
    expect(copyLine(['cr\r'])).toBe('cr\\r\n');
    expect(copyLine(['C:\\path\\file'])).toBe('C:\\\\path\\\\file\n');
  });

  it('writes booleans and numbers as PostgreSQL reads them', () => {
    expect(copyLine([true, false, 0, 42, -7, 12.5])).toBe('true\tfalse\t0\t42\t-7\t12.5\n');
  });

  it('writes string arrays as quoted array literals', () => {
    expect(copyLine([['EXPORT', 'E_COMMERCE']])).toBe('{"EXPORT","E_COMMERCE"}\n');
    expect(copyLine([[]])).toBe('{}\n');
  });

  it('escapes quotes, commas, braces and backslashes inside array elements', () => {
    const values = ['say "hi"', 'a,b', '{x}', 'back\\slash', 'NULL', ' padded ', ''];
    const [field] = readCopyLine(copyLine([values]));
    expect(readArrayLiteral(field as string)).toEqual(values);
  });

  it('keeps array elements with tabs and newlines on one line', () => {
    const values = ['tab\there', 'new\nline'];
    const line = copyLine([values, 'after']);
    expect(line.split('\n')).toHaveLength(2);
    const [field, after] = readCopyLine(line);
    expect(readArrayLiteral(field as string)).toEqual(values);
    expect(after).toBe('after');
  });

  it('round-trips any strings, nulls and string arrays', () => {
    const value = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constant(null),
      fc.array(fc.string({ unit: 'binary' }), { maxLength: 5 }),
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 6 }), (row) => {
        const read = readCopyLine(copyLine(row as CopyValue[]));
        expect(read).toHaveLength(row.length);
        row.forEach((v, i) => {
          if (Array.isArray(v)) expect(readArrayLiteral(read[i] as string)).toEqual(v);
          else expect(read[i]).toEqual(v);
        });
      }),
      { numRuns: 500 },
    );
  });
});
