import { registerEnumType } from '@nestjs/graphql';
import { AccountErrorCode } from '@app/accounts';
import { ErrorCode } from '@app/common';
import { MentorshipErrorCode } from '@app/mentorships';

/**
 * Every code an error may carry in `extensions.code`: the common ones and each feature's own.
 * A feature that adds an enum of codes adds it here; two features naming the same code is a
 * mistake caught when the API starts (and by its spec).
 */
export const API_ERROR_CODES = mergeCodes({ ErrorCode, AccountErrorCode, MentorshipErrorCode });

registerEnumType(API_ERROR_CODES, {
  name: 'ErrorCode',
  description: 'The codes errors carry in `extensions.code`; clients map them to messages.',
});

export const isApiErrorCode = (code: string): boolean => Object.hasOwn(API_ERROR_CODES, code);

export function mergeCodes(enums: Record<string, Record<string, string>>): Record<string, string> {
  const merged: Record<string, string> = {};
  const owner: Record<string, string> = {};
  for (const [name, codes] of Object.entries(enums)) {
    for (const code of Object.values(codes)) {
      if (owner[code]) throw new Error(`Error code ${code} is declared by both ${owner[code]} and ${name}`);
      owner[code] = name;
      merged[code] = code;
    }
  }
  return merged;
}
