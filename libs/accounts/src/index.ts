export * from './accounts.module';
export * from './accounts.service';
export * from './password-hasher';
export * from './token.service';
export * from './user.entity';
export * from './account-error-code';
