import { RequestStatus } from './mentorship.entities';
import { notYetAsked, offersSuggestions } from './request-suggestions';

const s = (...ids: string[]) => ids.map((id) => ({ candidate: { id, displayName: `Mentor ${id}` } }));

describe('suggestions after a request', () => {
  it.each(Object.values(RequestStatus))('%s', (status) => {
    expect(offersSuggestions(status)).toBe(
      status === RequestStatus.EXPIRED || status === RequestStatus.DECLINED,
    );
  });

  it.each([
    ['nobody asked yet: all, in order', s('a', 'b', 'c'), [], ['a', 'b', 'c']],
    ['the asked ones left out, order kept', s('a', 'b', 'c', 'd'), ['c', 'a'], ['b', 'd']],
    ['everyone asked: none', s('a', 'b'), ['a', 'b', 'x'], []],
    ['no recommendations: none', s(), ['a'], []],
  ])('%s', (_name, suggestions, asked, kept) => {
    expect(notYetAsked(suggestions, asked).map((x) => x.candidate.id)).toEqual(kept);
  });
});
