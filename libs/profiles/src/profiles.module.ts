import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { MentorProfileEntity } from './mentor-profile.entity';
import { MentorProfilesService } from './mentor-profiles.service';
import { OrganizationEntity } from './organization.entity';
import { OrganizationsService } from './organizations.service';
import { ProfileEvents } from './profile-events';
import { ProfileHooks } from './profile-hooks';
import { ProfileSnapshotsService } from './profile-snapshots.service';

export const PROFILE_ENTITIES = [OrganizationEntity, MentorProfileEntity];

@Module({
  imports: [TypeOrmModule.forFeature(PROFILE_ENTITIES), AuditModule],
  providers: [
    OrganizationsService,
    MentorProfilesService,
    ProfileSnapshotsService,
    ProfileEvents,
    ProfileHooks,
  ],
  exports: [
    OrganizationsService,
    MentorProfilesService,
    ProfileSnapshotsService,
    ProfileEvents,
    ProfileHooks,
  ],
})
export class ProfilesModule {}
