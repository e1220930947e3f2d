import { Module } from '@nestjs/common';
import { AccountsModule } from '@app/accounts';
import { ProgramsModule } from '@app/programs';
import { DemoDataService } from './demo-data.service';
import { PopulationLoader } from './population-loader.service';

/** The population loader: what the command-line tools and benchmarks load data with. */
@Module({
  providers: [PopulationLoader],
  exports: [PopulationLoader],
})
export class SeedModule {}

/**
 * The demo data of a first start, for the API: it writes through the features' operations, so
 * it needs the features (and the job outbox) a command-line tool does not load.
 */
@Module({
  imports: [SeedModule, AccountsModule, ProgramsModule],
  providers: [DemoDataService],
  exports: [DemoDataService],
})
export class DemoDataModule {}
