export * from './accounts.module';
export * from './accounts.service';
export * from './login-throttle';
export * from './login-throttle.entity';
export * from './password-hasher';
export * from './token.service';
export * from './user.entity';
export * from './account-error-code';
