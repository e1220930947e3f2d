export * from './csv-import.service';
export * from './import.module';
