import { Module } from '@nestjs/common';
import { AccountsModule } from '@app/accounts';
import { DemoDataService } from './demo-data.service';
import { PopulationLoader } from './population-loader.service';

@Module({
  imports: [AccountsModule],
  providers: [PopulationLoader, DemoDataService],
  exports: [PopulationLoader, DemoDataService],
})
export class SeedModule {}
