import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { AccountsService } from './accounts.service';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';
import { UserEntity } from './user.entity';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity]), AuditModule],
  providers: [AccountsService, PasswordHasher, TokenService],
  exports: [AccountsService, TokenService, PasswordHasher],
})
export class AccountsModule {}
