export * from './program-report';
export * from './report-filter';
export * from './program-report.service';
export * from './reports.module';
