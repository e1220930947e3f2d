import { Module } from '@nestjs/common';
import { AccountsModule } from '@app/accounts';
import { CsvImportService } from './csv-import.service';
import { DemoDataService } from './demo-data.service';
import { PopulationLoader } from './population-loader.service';

@Module({
  imports: [AccountsModule],
  providers: [PopulationLoader, CsvImportService, DemoDataService],
  exports: [PopulationLoader, CsvImportService, DemoDataService],
})
export class SeedModule {}
