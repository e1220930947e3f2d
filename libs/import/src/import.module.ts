import { Module } from '@nestjs/common';
import { CsvImportService } from './csv-import.service';

/** CSV bulk import of organisations and mentors (the CLI's `import`). */
@Module({
  providers: [CsvImportService],
  exports: [CsvImportService],
})
export class ImportModule {}
