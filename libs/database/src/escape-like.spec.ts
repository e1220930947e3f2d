import { escapeLike } from './escape-like';

describe('escapeLike', () => {
  it.each([
    ['plain text', 'plain text'],
    ['100%', '100\\%'],
    ['snake_case', 'snake\\_case'],
    ['back\\slash', 'back\\\\slash'],
    ['%_\\', '\\%\\_\\\\'],
  ])('%j matches itself only: %j', (text, escaped) => {
    expect(escapeLike(text)).toBe(escaped);
  });
});
