import { AccountErrorCode } from '@app/accounts';
import { ErrorCode } from '@app/common';
import { MentorshipErrorCode } from '@app/mentorships';
import { API_ERROR_CODES, isApiErrorCode, mergeCodes } from './error-codes';

describe('API error codes', () => {
  it('hold the common codes and every feature’s own, each once', () => {
    for (const codes of [ErrorCode, AccountErrorCode, MentorshipErrorCode]) {
      for (const code of Object.values(codes)) expect(isApiErrorCode(code)).toBe(true);
    }
    expect(Object.keys(API_ERROR_CODES)).toHaveLength(
      [ErrorCode, AccountErrorCode, MentorshipErrorCode].reduce((n, e) => n + Object.keys(e).length, 0),
    );
    expect(isApiErrorCode('NO_SUCH_CODE')).toBe(false);
  });

  it('refuse a code two features declare', () => {
    expect(() => mergeCodes({ A: { X: 'X' }, B: { X: 'X' } })).toThrow(/X is declared by both A and B/);
  });
});
