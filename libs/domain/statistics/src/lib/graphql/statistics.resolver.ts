import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '@puente/auth';
import { Actor, Role } from '@puente/common';
import { CaseRates, Fairness, MigrationFlow, ProgramMeasures, ReturneeFigures, StatisticsQuery, StatisticsService, SupplyDemandRow } from '../statistics.service';
import { StatisticsFilterInput } from './statistics.input';
import { CaseRatesModel, FairnessModel, MigrationFlowModel, ProgramMeasuresModel, ProgramStatisticsModel, ReturneeFiguresModel, SupplyDemandRowModel } from './statistics.model';

/** The answer's parent: the checked query rides along (not a field), so each section is computed only when asked for. */
type Answer = ProgramStatisticsModel & { query: StatisticsQuery };

const STAFF = [Role.COORDINATOR, Role.ADMIN] as const;

@Resolver(() => ProgramStatisticsModel)
export class ProgramStatisticsResolver {
  constructor(private readonly statistics: StatisticsService) {}

  @Roles(...STAFF)
  @Query(() => ProgramStatisticsModel, {
    description:
      "The program's statistics for a period in the ILO format (20th ICLS 2018 guidelines concerning statistics of international labour migration): migration flows grouped by up to two dimensions, program measures, cases per 1,000 placements, supply against demand, fairness and returnee figures. Coordinators and administrators. BAD_USER_INPUT names the field of a wrong filter (to before from, a span over 3,660 days, an unknown region or department).",
  })
  async programStatistics(@CurrentActor() actor: Actor, @Args('filter') filter: StatisticsFilterInput): Promise<Answer> {
    const query = await this.statistics.query(actor, filter);
    return { from: query.filter.from, to: query.filter.to, groupBy: query.filter.groupBy, asOf: query.asOf, query };
  }

  @Roles(...STAFF)
  @ResolveField(() => [MigrationFlowModel], { description: 'One row per combination of the values of the dimensions grouped by, empty groups included (zeros); one total row when none.' })
  flows(@Parent() parent: Answer): Promise<MigrationFlow[]> {
    return this.statistics.flows(parent.query);
  }

  @Roles(...STAFF)
  @ResolveField(() => MigrationFlowModel, { description: 'The flows of the whole filtered population.' })
  total(@Parent() parent: Answer): Promise<MigrationFlow> {
    return this.statistics.total(parent.query);
  }

  @Roles(...STAFF)
  @ResolveField(() => ProgramMeasuresModel)
  program(@Parent() parent: Answer): Promise<ProgramMeasures> {
    return this.statistics.programMeasures(parent.query);
  }

  @Roles(...STAFF)
  @ResolveField(() => CaseRatesModel)
  cases(@Parent() parent: Answer): Promise<CaseRates> {
    return this.statistics.caseRates(parent.query);
  }

  @Roles(...STAFF)
  @ResolveField(() => [SupplyDemandRowModel], { description: 'Every occupation of the reference data: the national row, then one per department.' })
  supplyDemand(@Parent() parent: Answer): Promise<SupplyDemandRow[]> {
    return this.statistics.supplyDemand(parent.query);
  }

  @Roles(...STAFF)
  @ResolveField(() => FairnessModel)
  fairness(@Parent() parent: Answer): Promise<Fairness> {
    return this.statistics.fairness(parent.query);
  }

  @Roles(...STAFF)
  @ResolveField(() => ReturneeFiguresModel)
  returnees(@Parent() parent: Answer): Promise<ReturneeFigures> {
    return this.statistics.returnees(parent.query);
  }
}
