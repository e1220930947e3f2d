import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  decodeCursor,
  decodeUuidCursor,
  encodeCursor,
  pageSize,
  type KeysetPosition,
} from './pagination';
import { DomainError, ErrorCode } from './error-code';

const expectBadInput = (fn: () => unknown): void => {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(DomainError);
  expect((caught as DomainError).code).toBe(ErrorCode.BAD_USER_INPUT);
};

describe('cursors', () => {
  it.each<KeysetPosition>([
    { key: 'Golden River Works', id: '7f0c1f8e-8a4b-4c1e-9d3a-2b6f0e5a1c2d' },
    { key: '', id: 'x' },
    { key: 'Café Đà Lạt 咖啡 ☕ Ōsaka', id: 'a' },
    { key: 'quotes " and \\ backslashes, commas', id: 'b' },
    { key: '🚀 emoji in a name 👩‍💻', id: 'c' },
  ])('round-trips %j', (position) => {
    const cursor = encodeCursor(position);
    expect(decodeCursor(cursor)).toEqual(position);
  });

  it('produces URL-safe opaque strings', () => {
    const cursor = encodeCursor({ key: '???>>>~~~ÿÿÿ', id: '+/=' });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('gives different cursors for different positions', () => {
    expect(encodeCursor({ key: 'a', id: '1' })).not.toBe(encodeCursor({ key: 'a', id: '2' }));
    expect(encodeCursor({ key: 'a', id: '1' })).not.toBe(encodeCursor({ key: 'b', id: '1' }));
  });

  it.each([
    ['not base64 JSON', 'garbage!!'],
    ['empty', ''],
    ['JSON that is not a pair', Buffer.from('{"key":"a","id":"b"}').toString('base64url')],
    ['a pair of non-strings', Buffer.from('[1,2]').toString('base64url')],
    ['a triple', Buffer.from('["a","b","c"]').toString('base64url')],
    ['JSON null', Buffer.from('null').toString('base64url')],
  ])('rejects a cursor that is %s with BAD_USER_INPUT', (_label, cursor) => {
    expectBadInput(() => decodeCursor(cursor));
  });
});

describe('decodeUuidCursor', () => {
  it('accepts a cursor whose id is a UUID', () => {
    const position = { key: 'Golden River Works', id: '7f0c1f8e-8a4b-4c1e-9d3a-2b6f0e5a1c2d' };
    expect(decodeUuidCursor(encodeCursor(position))).toEqual(position);
  });

  it.each([
    ['an id that is not a UUID', encodeCursor({ key: 'a', id: 'not-a-uuid' })],
    ['an empty id', encodeCursor({ key: 'a', id: '' })],
    ['garbage', 'garbage!!'],
  ])('rejects %s with BAD_USER_INPUT', (_label, cursor) => {
    expectBadInput(() => decodeUuidCursor(cursor));
  });
});

describe('pageSize', () => {
  it('defaults when not given', () => {
    expect(pageSize(undefined)).toBe(DEFAULT_PAGE_SIZE);
    expect(pageSize(null)).toBe(DEFAULT_PAGE_SIZE);
    expect(DEFAULT_PAGE_SIZE).toBe(20);
  });

  it.each([0, 1, 50, MAX_PAGE_SIZE])('accepts %i', (first) => {
    expect(pageSize(first)).toBe(first);
  });

  it.each([-1, MAX_PAGE_SIZE + 1, 2.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects %d with BAD_USER_INPUT',
    (first) => {
      expectBadInput(() => pageSize(first));
    },
  );

  it('caps at 100', () => {
    expect(MAX_PAGE_SIZE).toBe(100);
  });
});
