import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { enumObject, LocalDateScalar } from '@puente/common';
import { CASE_OUTCOMES, SUPPLY_BALANCES } from '../statistics.rules';
import { StatisticsDimensionEnum } from './statistics.input';

export const CaseOutcomeEnum = enumObject(CASE_OUTCOMES);
registerEnumType(CaseOutcomeEnum, {
  name: 'StatisticsCaseOutcome',
  description: 'Where a protection case stands for statistics: PENDING until decided, SUBSTANTIATED (a finding against the employer or of the worker\'s misconduct), UNSUBSTANTIATED (decided or closed without a finding).',
});
export const SupplyBalanceEnum = enumObject(SUPPLY_BALANCES);
registerEnumType(SupplyBalanceEnum, {
  name: 'SupplyBalance',
  description: 'DEFICIT: fewer qualified available applicants than positions requested. SURPLUS: more than three per position (matching proposes three per position), or any when none was requested. BALANCED: in between, or neither demand nor supply.',
});

@ObjectType('StatisticsGroup', { description: 'One value of a dimension a row is grouped by.' })
export class StatisticsGroupModel {
  @Field(() => StatisticsDimensionEnum) dimension!: string;
  @Field({ description: 'The value: FEMALE, AGE_15_24, an ISCO-08 group (7, 61), an ISIC section (A), US, US-NC, MONTHS_3_TO_6, FIRST_TIME, SV-SS, SV-SS-NORTE…' }) key!: string;
  @Field({ description: 'Its name in English (ISCO-08 and ISIC Rev. 4 official titles).' }) label!: string;
  @Field({ description: 'Its name in Spanish (CIUO-08 and CIIU Rev. 4 official titles).' }) labelEs!: string;
}

@ObjectType('MigrationFlow', {
  description:
    'Migration flows and stock of one group (20th ICLS 2018 guidelines concerning statistics of international labour migration). Each placement is one deployment of a national for employment abroad.',
})
export class MigrationFlowModel {
  @Field(() => [StatisticsGroupModel], { description: 'The group, one value per dimension grouped by (empty for the total).' }) groups!: StatisticsGroupModel[];
  @Field(() => Int, { description: 'Outflows: deployments (placements) whose departure date falls in the period. ICLS 2018: outflow of nationals for employment abroad (for-work international migrants).' })
  outflows!: number;
  @Field(() => Int, { description: 'Returns: deployments whose return home was recorded on a day of the period. ICLS 2018: return international migrant workers.' }) returns!: number;
  @Field(() => Int, { description: 'Stock abroad on the last day of the period: deployments departed on or before that day and not returned by it (a return on that day is home). ICLS 2018: stock of nationals working abroad.' })
  stockAbroad!: number;
}

@ObjectType('ProgramMeasures', { description: "The program's own measures over the period. Registrant counts honour only the department and sex restrictions (registrants have no destination or order); order counts only destination and occupation." })
export class ProgramMeasuresModel {
  @Field(() => Int, { description: 'Applicants registered on or before the last day of the period (whatever their status since).' }) registeredApplicants!: number;
  @Field(() => Int, { description: 'Applicants registered during the period.' }) registeredInPeriod!: number;
  @Field(() => Int, { description: 'Applicants verified by a coordinator on or before the last day of the period.' }) verifiedApplicants!: number;
  @Field(() => Int, { description: 'Applicants verified during the period.' }) verifiedInPeriod!: number;
  @Field(() => Int, { description: 'Applicants AVAILABLE (verified, ready to be proposed) when the aggregates were refreshed (asOf): the current pool, whatever the period.' }) availableApplicants!: number;
  @Field(() => Int, { description: 'Job orders submitted to the ministry during the period (requested).' }) ordersRequested!: number;
  @Field(() => Int, { description: 'Positions of the orders requested.' }) positionsRequested!: number;
  @Field(() => Int, { description: 'Job orders approved during the period.' }) ordersApproved!: number;
  @Field(() => Int, { description: 'Positions of the orders approved.' }) positionsApproved!: number;
  @Field(() => Int, { description: 'Orders approved during the period whose every position is filled.' }) ordersFilled!: number;
  @Field(() => Int, { description: 'Positions filled on the orders approved during the period: workers selected for the order (still selected, or placed on it), at most its positions.' })
  positionsFilled!: number;
  @Field(() => Int, { description: 'Deployments (outflows) in the period.' }) deployments!: number;
  @Field(() => Float, { nullable: true, description: 'Median days from registration to selection, over the first-time deployments of the period (a returning worker registered for an earlier season). Selection is the day the selected worker was seated on a contingent. Null when none.' })
  medianDaysRegistrationToSelection!: number | null;
  @Field(() => Float, { nullable: true, description: 'Median days from selection (seated on a contingent) to departure, over the deployments of the period. Null when none.' })
  medianDaysSelectionToDeparture!: number | null;
  @Field(() => Int, { description: 'Returns due in the period (the contract\'s end, or the day the placement ended early) that can be judged: the worker is home, or seven days have passed.' })
  returnsDue!: number;
  @Field(() => Int, { description: 'Of those, returns recorded at most seven days after they were due, the job not abandoned.' }) returnsOnTime!: number;
  @Field(() => Float, { nullable: true, description: 'On-time return rate: returnsOnTime / returnsDue (0 to 1); null when none was due.' }) onTimeReturnRate!: number | null;
  @Field(() => Int, { description: 'Deployments of the period whose worker had an earlier placement with the same employer.' }) rehires!: number;
  @Field(() => Float, { nullable: true, description: 'Rehire rate: rehires / deployments (0 to 1); null when no deployment.' }) rehireRate!: number | null;
  @Field(() => Int, { description: 'Deployments of the period whose worker the employer named on the order (a named request).' }) namedRequests!: number;
  @Field(() => Float, { nullable: true, description: 'Named-request share: namedRequests / deployments (0 to 1); null when no deployment.' }) namedRequestShare!: number | null;
}

@ObjectType('CaseOutcomeRate')
export class CaseOutcomeRateModel {
  @Field(() => CaseOutcomeEnum) outcome!: string;
  @Field(() => Int) cases!: number;
  @Field(() => Float, { nullable: true, description: 'Cases per 1,000 placements active in the period: 0 when there is no case, null when there are cases but no placement.' }) perThousand!: number | null;
}

@ObjectType('CaseCategoryRate', { description: 'Cases of one category (a case with several categories counts in each).' })
export class CaseCategoryRateModel {
  @Field({ description: 'A protection case category (CaseCategory).' }) category!: string;
  @Field(() => Int) cases!: number;
  @Field(() => Float, { nullable: true }) perThousand!: number | null;
  @Field(() => [CaseOutcomeRateModel], { description: 'Every outcome, zeros included.' }) outcomes!: CaseOutcomeRateModel[];
}

@ObjectType('CaseRates', {
  description: 'Protection cases reported during the period (the day the case was opened) per 1,000 placements active during the period (abroad on at least one of its days), by category and outcome; zero when none, never an error.',
})
export class CaseRatesModel {
  @Field(() => Int, { description: 'Placements active during the period: the base of every rate.' }) placements!: number;
  @Field(() => Int, { description: 'Cases reported during the period, each once.' }) cases!: number;
  @Field(() => Float, { nullable: true }) perThousand!: number | null;
  @Field(() => [CaseCategoryRateModel], { description: 'Every category, zeros included.' }) categories!: CaseCategoryRateModel[];
  @Field(() => [CaseOutcomeRateModel], { description: 'Every outcome over all categories (each case once).' }) outcomes!: CaseOutcomeRateModel[];
}

@ObjectType('SupplyDemandRow', {
  description:
    'Positions requested (orders submitted in the period) for an occupation against the qualified available applicants (AVAILABLE now and listing the occupation), nationally (department null) and in each department: a department row compares that department\'s applicants with the national demand (could it alone fill the positions?).',
})
export class SupplyDemandRowModel {
  @Field({ description: 'ISCO-08 unit group.' }) iscoCode!: string;
  @Field() occupation!: string;
  @Field(() => String, { nullable: true, description: 'Null on the national row.' }) departmentCode!: string | null;
  @Field(() => String, { nullable: true }) department!: string | null;
  @Field(() => Int) positionsRequested!: number;
  @Field(() => Int) qualifiedAvailable!: number;
  @Field(() => SupplyBalanceEnum) balance!: string;
}

@ObjectType('ShareComparison', { description: 'A group\'s share of the period\'s deployments against its share of registrants (registered by the last day of the period).' })
export class ShareComparisonModel {
  @Field(() => Int) deployments!: number;
  @Field(() => Float, { nullable: true, description: '0 to 1; null when there is no deployment.' }) deploymentShare!: number | null;
  @Field(() => Int) registrants!: number;
  @Field(() => Float, { nullable: true, description: '0 to 1; null when there is no registrant.' }) registrantShare!: number | null;
  @Field(() => Float, { nullable: true, description: 'Disparity ratio: deploymentShare / registrantShare. 1 is parity, under 1 under-represented; null when either share is unknown or the registrant share is 0.' })
  disparityRatio!: number | null;
}

@ObjectType('FairnessArea', { description: 'A department or municipality of El Salvador (where the worker lives as registered): its share of deployments against its share of registrants.' })
export class FairnessAreaModel extends ShareComparisonModel {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true, description: "A municipality's department; null for a department." }) departmentCode!: string | null;
}

@ObjectType('Fairness', {
  description:
    "Who the program reaches: each department's and municipality's share of the period's deployments against its share of registrants (registered by the last day of the period), and the shares of women, youth (15–24, ILO) and first-timers. A deployment's age is at departure, a registrant's at registration; a first-timer registrant is one with no deployment by the last day of the period.",
})
export class FairnessModel {
  @Field(() => Int) deployments!: number;
  @Field(() => Int) registrants!: number;
  @Field(() => [FairnessAreaModel], { description: 'Every department, zeros included.' }) departments!: FairnessAreaModel[];
  @Field(() => [FairnessAreaModel], { description: 'Every municipality, zeros included.' }) municipalities!: FairnessAreaModel[];
  @Field(() => ShareComparisonModel) women!: ShareComparisonModel;
  @Field(() => ShareComparisonModel) youth!: ShareComparisonModel;
  @Field(() => ShareComparisonModel) firstTimers!: ShareComparisonModel;
}

@ObjectType('ReturneeCurrencyFigures', { description: 'Self-reported amounts of one currency (the job order\'s), over the records that reported them.' })
export class ReturneeCurrencyModel {
  @Field() currency!: string;
  @Field(() => Int) records!: number;
  @Field(() => Float, { nullable: true, description: 'Median earnings in the season; null when none reported.' }) medianEarnings!: number | null;
  @Field(() => Float, { nullable: true, description: 'Median remittances sent home; null when none reported.' }) medianRemittances!: number | null;
}

@ObjectType('ReturneeFigures', { description: "Returnee records (what workers bring home, self-reported) of the workers home during the period (their return, or their placement's end when no return was recorded)." })
export class ReturneeFiguresModel {
  @Field(() => Int, { description: 'Returnee records of workers home during the period.' }) records!: number;
  @Field(() => Int, { description: 'Records listing skills to certify.' }) withSkillsToCertify!: number;
  @Field(() => Int, { description: 'Records referred for certification (to INSAFORP or another institution).' }) referredForCertification!: number;
  @Field(() => Int, { description: 'Workers interested in a job at home.' }) interestedInDomesticJobs!: number;
  @Field(() => Int, { description: 'Workers interested in training.' }) interestedInTraining!: number;
  @Field(() => [ReturneeCurrencyModel], { description: 'Amounts by currency (never added across currencies).' }) byCurrency!: ReturneeCurrencyModel[];
}

@ObjectType('ProgramStatistics', {
  description:
    "The program's statistics for a period in the format of the 20th ICLS (2018) guidelines concerning statistics of international labour migration, answered from aggregates the statistics.refresh job keeps (after the events that change them, and nightly). Each measure's definition is in its description and in docs/statistics.md.",
})
export class ProgramStatisticsModel {
  @Field(() => LocalDateScalar) from!: string;
  @Field(() => LocalDateScalar) to!: string;
  @Field(() => [StatisticsDimensionEnum]) groupBy!: string[];
  @Field(() => Date, { nullable: true, description: 'When the aggregates were last refreshed: the figures are as of then. Null when never (every figure is then 0).' }) asOf!: Date | null;
}
