import { parse, type OperationDefinitionNode } from 'graphql';
import { findInvalidText, textProblem } from './text-input.plugin';

const check = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
  )!;
  return findInvalidText(document, operation, variables)?.field ?? null;
};

describe('textProblem', () => {
  it.each([
    ['plain', null],
    ['', null],
    ['emoji 🌏 pairs', null],
    ['tab\tand newline\n', null],
    ['a\u0000b', 'NUL'],
    ['lead \uD800 alone', 'surrogate'],
    ['trail \uDC00 alone', 'surrogate'],
    ['reversed \uDC00\uD800', 'surrogate'],
    ['cut pair \uD83C', 'surrogate'],
  ])('%j → %s', (text, expected) => {
    const problem = textProblem(text);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(new RegExp(expected));
  });
});

describe('findInvalidText', () => {
  it('names the argument a variable feeds, down to list items and nested fields', () => {
    const q = 'mutation($input: In!) { m(input: $input) { id } }';
    expect(check(q, { input: { a: 'ok', b: ['x', 'y\u0000'] } })).toBe('input.b.1');
    expect(check(q, { input: { deep: { deeper: 'z\uD800' } } })).toBe('input.deep.deeper');
    expect(check(q, { input: { a: 'fine', b: ['🌏'] } })).toBeNull();
  });

  it('names a variable used inside an inline object by where it sits', () => {
    expect(check('query($s: String) { f(filter: { name: { contains: $s } }) }', { s: '\u0000' })).toBe(
      'filter.name.contains',
    );
  });

  it('checks object keys too', () => {
    expect(check('query($j: JSON) { f(data: $j) }', { j: { 'k\uDFFF': 1 } })).toBe('data.k\uDFFF');
  });

  it('checks inline literals, in lists and objects, in fragments, and variable defaults', () => {
    expect(check('{ f(a: "x\\u0000") }')).toBe('a');
    expect(check('{ f(a: { b: ["ok", "no\\u0000"] }) }')).toBe('a.b.1');
    expect(check('{ ...F } fragment F on Query { f(a: "\\u0000") }')).toBe('a');
    expect(check('query($v: String = "\\u0000") { f(a: $v) }')).toBe('a');
    expect(check('{ f(a: "ok", b: 1, c: RED, d: null, e: [1.5]) }')).toBeNull();
  });

  it('names an unused variable by its own name', () => {
    expect(check('query($v: String) { f }', { v: '\u0000' })).toBe('$v');
  });

  it('ignores variables the operation does not declare (nothing reads them)', () => {
    expect(check('query { f }', { v: '\u0000' })).toBeNull();
  });
});
