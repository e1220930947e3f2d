import { checkedDeclineComment, checkedRequestText } from './request-input';

describe('what a request says', () => {
  it.each([
    ['trimmed, blank goals dropped', ' Help ', [' Export ', '  '], { message: 'Help', goals: ['Export'] }],
    ['no goals', 'Help', null, { message: 'Help', goals: [] }],
    ['the longest message', 'x'.repeat(2000), [], { message: 'x'.repeat(2000), goals: [] }],
    ['ten goals', 'Help', Array(10).fill('g'), { message: 'Help', goals: Array(10).fill('g') }],
  ])('takes %s', (_name, message, goals, expected) => {
    expect(checkedRequestText(message, goals)).toEqual(expected);
  });

  it.each([
    ['a blank message', '   ', [], 'message'],
    ['a message too long', 'x'.repeat(2001), [], 'message'],
    ['eleven goals', 'Help', Array(11).fill('g'), 'goals'],
    ['a goal too long', 'Help', ['x'.repeat(201)], 'goals'],
  ])('refuses %s', (_name, message, goals, field) => {
    expect(() => checkedRequestText(message, goals)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field } }),
    );
  });

  it('keeps a decline comment trimmed, none when blank, within its bound', () => {
    expect(checkedDeclineComment(' Busy ')).toBe('Busy');
    expect(checkedDeclineComment('  ')).toBeNull();
    expect(checkedDeclineComment(undefined)).toBeNull();
    expect(() => checkedDeclineComment('x'.repeat(1001))).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
  });
});
