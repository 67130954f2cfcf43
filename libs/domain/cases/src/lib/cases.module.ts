import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@puente/notifications';
import { CaseEventEntity, ProtectionCaseEntity } from './case.entity';
import { CasesService } from './cases.service';
import { CASE_JOBS } from './jobs/cases.jobs';
import { CasesResolver } from './graphql/cases.resolver';

/** Needs the QueuesModule (global) and the EventEmitterModule of the app that imports it, for the unit of work and CASE_DECIDED. */
@Module({
  imports: [TypeOrmModule.forFeature([ProtectionCaseEntity, CaseEventEntity]), NotificationsModule],
  providers: [CasesService],
  exports: [CasesService],
})
export class CasesModule {}

@Module({ imports: [CasesModule], providers: [CASE_JOBS] })
export class CasesJobsModule {}

@Module({ imports: [CasesModule], providers: [CasesResolver] })
export class CasesGraphqlModule {}
