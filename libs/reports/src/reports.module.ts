import { Module } from '@nestjs/common';
import { ProfilesModule } from '@app/profiles';
import { ProgramsModule } from '@app/programs';
import { ProgramReportService } from './program-report.service';

/** Programme reporting: disaggregated match reports and their CSV (read-only). */
@Module({
  imports: [ProfilesModule, ProgramsModule],
  providers: [ProgramReportService],
  exports: [ProgramReportService],
})
export class ReportsModule {}
