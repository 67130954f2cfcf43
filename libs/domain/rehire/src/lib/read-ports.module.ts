import { Global, Module } from '@nestjs/common';
import { SEASON_OUTCOME_READER } from '@puente/domain/contingents';
import { SEASON_HISTORY_READER } from '@puente/domain/matching';
import { SeasonHistoryService } from './season-history.reader';
import { SeasonOutcomeService } from './season-outcome.reader';

/**
 * What rehire provides to the libraries it depends on, through the ports they declare: the season's outcome for
 * contingents' myStatus, past seasons for matching's scoring. Global, because their modules cannot import rehire's
 * (the dependency runs the other way): the ports resolve wherever RehireModule, or this module alone, is composed.
 */
@Global()
@Module({
  providers: [
    SeasonOutcomeService,
    SeasonHistoryService,
    { provide: SEASON_OUTCOME_READER, useExisting: SeasonOutcomeService },
    { provide: SEASON_HISTORY_READER, useExisting: SeasonHistoryService },
  ],
  exports: [SEASON_OUTCOME_READER, SEASON_HISTORY_READER],
})
export class RehireReadPortsModule {}
