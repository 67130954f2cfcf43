import { Field, InputType } from '@nestjs/graphql';
import { ApplicantFilterInput } from '@puente/domain/applicants';
import { ContingentFilterInput } from '@puente/domain/contingents';
import { EmployerFilterInput } from '@puente/domain/employers';
import { JobOrderFilterInput } from '@puente/domain/job-orders';
import { StatisticsFilterInput } from '@puente/domain/statistics';
import type { ExportFormat, ExportKind, ExportLanguage } from '../export.rules';
import { ExportFormatEnum, ExportKindEnum, ExportLanguageEnum } from './export.model';

@InputType({ description: 'What to export: a kind, a format, a language, and at most the filter of that kind (the list query\'s own); none exports the whole list.' })
export class RequestExportInput {
  @Field(() => ExportKindEnum) kind!: ExportKind;
  @Field(() => ExportFormatEnum) format!: ExportFormat;
  @Field(() => ExportLanguageEnum, { defaultValue: 'ES' }) language!: ExportLanguage;
  @Field(() => ApplicantFilterInput, { nullable: true, description: 'APPLICANTS: as applicants(filter).' }) applicants?: ApplicantFilterInput | null;
  @Field(() => EmployerFilterInput, { nullable: true, description: 'EMPLOYERS: as employers(filter).' }) employers?: EmployerFilterInput | null;
  @Field(() => JobOrderFilterInput, { nullable: true, description: 'JOB_ORDERS: as jobOrders(filter).' }) jobOrders?: JobOrderFilterInput | null;
  @Field(() => ContingentFilterInput, { nullable: true, description: 'CONTINGENTS: as contingents(filter).' }) contingents?: ContingentFilterInput | null;
  @Field(() => StatisticsFilterInput, { nullable: true, description: 'STATISTICS (required): the period and groups of the tables.' }) statistics?: StatisticsFilterInput | null;
}
