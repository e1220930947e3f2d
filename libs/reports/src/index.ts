export * from './program-report.service';
export * from './reports.module';
