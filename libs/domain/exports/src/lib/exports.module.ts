import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@puente/auth';
import { ApplicantsModule } from '@puente/domain/applicants';
import { ContingentsModule } from '@puente/domain/contingents';
import { EmployersModule } from '@puente/domain/employers';
import { JobOrdersModule } from '@puente/domain/job-orders';
import { ReferenceModule } from '@puente/domain/reference';
import { StatisticsModule } from '@puente/domain/statistics';
import { ExportEntity, ExportFileEntity } from './export.entity';
import { ExportSources } from './export-sources';
import { ExportsService } from './exports.service';
import { EXPORTS_JOBS } from './jobs/exports.jobs';
import { ExportsResolver } from './graphql/exports.resolver';
import { ExportDownloadController } from './http/export-download.controller';

/** Needs the QueuesModule (global) of the app that imports it, for the unit of work. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ExportEntity, ExportFileEntity]),
    AuthModule,
    ReferenceModule,
    ApplicantsModule,
    EmployersModule,
    JobOrdersModule,
    ContingentsModule,
    StatisticsModule,
  ],
  providers: [ExportsService, ExportSources],
  exports: [ExportsService],
})
export class ExportsModule {}

/** The worker's: the build and the nightly purge. */
@Module({ imports: [ExportsModule], providers: [EXPORTS_JOBS] })
export class ExportsJobsModule {}

/** The api's: the GraphQL operations and the download route (`GET /exports/:id/file?token=…`). */
@Module({ imports: [ExportsModule], providers: [ExportsResolver], controllers: [ExportDownloadController] })
export class ExportsGraphqlModule {}
