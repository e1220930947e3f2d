import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { AccountsService } from './accounts.service';
import { LoginThrottleEntity } from './login-throttle.entity';
import { LoginThrottle } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { SigningSecret } from './signing-secret';
import { TokenService } from './token.service';
import { TokenVersions } from './token-versions.service';
import { UserEntity } from './user.entity';

/** The tables libs/accounts owns. */
export const ACCOUNT_ENTITIES = [UserEntity, LoginThrottleEntity];

@Module({
  imports: [TypeOrmModule.forFeature(ACCOUNT_ENTITIES), AuditModule],
  providers: [AccountsService, PasswordHasher, TokenService, TokenVersions, SigningSecret, LoginThrottle],
  exports: [AccountsService, TokenService, PasswordHasher],
})
export class AccountsModule {}
