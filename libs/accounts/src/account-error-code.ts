/** Codes of the accounts feature (GraphQL `extensions.code`), beside the common ErrorCode. */
export enum AccountErrorCode {
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
}
