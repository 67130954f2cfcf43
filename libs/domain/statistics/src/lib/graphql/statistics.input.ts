import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { enumObject, LocalDateScalar } from '@puente/common';
import { CountryEnum } from '@puente/domain/reference';
import { SEXES, STATISTICS_DIMENSIONS, type Sex, type StatisticsDimension } from '../statistics.rules';

export const StatisticsDimensionEnum = enumObject(STATISTICS_DIMENSIONS);
registerEnumType(StatisticsDimensionEnum, {
  name: 'StatisticsDimension',
  description:
    'What a migration flow is grouped by (20th ICLS 2018 guidelines concerning statistics of international labour migration). SEX: the worker\'s sex as registered (OTHER shown apart). AGE_GROUP: age at departure in the ILO groups 15–24, 25–34, 35–44, 45–54, 55+. ISCO_MAJOR / ISCO_SUB_MAJOR: the ISCO-08 major (first digit) or sub-major group (first two digits) of the job order\'s occupation. ISIC_SECTION: the ISIC Rev. 4 section of the employer\'s sector. DESTINATION_COUNTRY / DESTINATION_REGION: the country and the state or province of the order\'s work region. DURATION_BAND: the contract\'s length (under 3 months, 3–6, 6–12, 12–24, 24 and over). FIRST_TIME_OR_RETURNING: whether the worker had an earlier deployment. DEPARTMENT / MUNICIPALITY: where in El Salvador the worker lives (as registered).',
});
export const SexEnum = enumObject(SEXES);
registerEnumType(SexEnum, { name: 'Sex', description: 'Sex as the statistics show it: the applicant\'s registered gender; OTHER is shown apart from the ILO\'s two sexes, and included in every total.' });

@InputType('StatisticsFilter', { description: 'The period and the groups of a statistics query, and what to restrict it to.' })
export class StatisticsFilterInput {
  @Field(() => LocalDateScalar, { description: 'The first day of the period (El Salvador\'s calendar), included.' }) from!: string;
  @Field(() => LocalDateScalar, { description: 'The last day of the period, included: on or after from, within 3,660 days. The stock abroad is counted on this day.' }) to!: string;
  @Field(() => [StatisticsDimensionEnum], { defaultValue: [], description: 'Up to two dimensions the migration flows are grouped by (none: one total row). Every value of each dimension has a row, zeros included.' })
  groupBy!: StatisticsDimension[];
  @Field(() => CountryEnum, { nullable: true, description: 'Only deployments (and orders) to this destination country.' }) destinationCountry?: string | null;
  @Field(() => String, { nullable: true, description: 'Only deployments (and orders) to this state or province (a region code such as US-NC or CA-QC).' }) regionCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Only workers and applicants living in this department of El Salvador (SV-SS).' }) departmentCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Only this ISCO-08 major group (one digit) of the order\'s occupation.' }) iscoMajorGroup?: string | null;
  @Field(() => SexEnum, { nullable: true, description: 'Only workers and applicants of this sex.' }) sex?: Sex | null;
}
