import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@puente/notifications';
import { CandidateEntity } from './candidate.entity';
import { MatchingRunEntity } from './matching-run.entity';
import { NamedRequestEntity } from './named-request.entity';
import { MatchingService } from './matching.service';
import { SelectionService } from './selection.service';

/** Needs the QueuesModule (global) of the app that imports it, for the producer. */
@Module({
  imports: [TypeOrmModule.forFeature([MatchingRunEntity, CandidateEntity, NamedRequestEntity]), NotificationsModule],
  providers: [MatchingService, SelectionService],
  exports: [MatchingService, SelectionService],
})
export class MatchingModule {}
