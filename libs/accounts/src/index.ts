export * from './accounts.module';
export * from './accounts.service';
export * from './password-hasher';
export * from './password-rules';
export * from './token.service';
export * from './user.entity';
