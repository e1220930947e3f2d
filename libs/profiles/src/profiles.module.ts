import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { MentorProfileEntity } from './mentor-profile.entity';
import { MentorProfilesService } from './mentor-profiles.service';
import { OrganizationEntity } from './organization.entity';
import { OrganizationsService } from './organizations.service';

@Module({
  imports: [TypeOrmModule.forFeature([OrganizationEntity, MentorProfileEntity]), AuditModule],
  providers: [OrganizationsService, MentorProfilesService],
  exports: [OrganizationsService, MentorProfilesService],
})
export class ProfilesModule {}
