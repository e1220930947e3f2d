export * from './mentorship.entities';
export * from './mentorship.jobs';
export * from './mentorship-requests.service';
export * from './mentorships.service';
export * from './mentorships.module';
export * from './notifications.service';
export * from './mentorship-records.entities';
export * from './mentorship-records.service';
