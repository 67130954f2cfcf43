import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseEventEntity, ProtectionCaseEntity } from './case.entity';

/** Needs the QueuesModule (global) of the app that imports it, for the unit of work. */
@Module({
  imports: [TypeOrmModule.forFeature([ProtectionCaseEntity, CaseEventEntity])],
  providers: [],
  exports: [],
})
export class CasesModule {}

@Module({ imports: [CasesModule], providers: [] })
export class CasesJobsModule {}

@Module({ imports: [CasesModule], providers: [] })
export class CasesGraphqlModule {}
