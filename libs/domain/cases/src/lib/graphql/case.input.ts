import { Field, ID, InputType } from '@nestjs/graphql';
import type { CaseFinding, CaseSeverity } from '../case.rules';
import type { CaseEvent, CaseStatus } from '../case.state-machine';
import { CaseCategoryEnum, CaseFindingEnum, CaseSeverityEnum, CaseStatusEnum, CaseTransitionEnum, ForcedLabourIndicatorEnum } from './case.model';

@InputType()
export class ReportCaseInput {
  @Field(() => ID, { description: "The placement the case is about: the worker's own, or (staff) the worker's they report for." }) placementId!: string;
  @Field(() => [CaseCategoryEnum], { description: 'At least one, each once.' }) categories!: string[];
  @Field(() => [ForcedLabourIndicatorEnum], { defaultValue: [], description: 'The ILO forced-labour indicators that apply, each once.' }) indicators!: string[];
  @Field({ description: 'What happened, 10 to 8000 characters.' }) description!: string;
  @Field({ defaultValue: false, description: 'Whether the employer may learn who reported (the worker consents).' }) discloseReporter!: boolean;
}

@InputType({ description: 'Staff changes to a case, recorded as events; give at least one.' })
export class UpdateCaseInput {
  @Field(() => CaseTransitionEnum, { nullable: true }) transition?: CaseEvent | null;
  @Field(() => String, { nullable: true, description: 'With REFER: the authority the case goes to.' }) referredTo?: string | null;
  @Field(() => CaseFindingEnum, { nullable: true, description: 'With SUBSTANTIATE: what the case found.' }) finding?: CaseFinding | null;
  @Field(() => String, { nullable: true, description: '1 to 4000 characters.' }) note?: string | null;
  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'An internal note is for staff only; false shows it to the worker.' }) internal?: boolean | null;
  @Field(() => ID, { nullable: true, description: 'A staff user to assign the case to.' }) assignTo?: string | null;
  @Field(() => CaseSeverityEnum, { nullable: true, description: 'A higher severity (never lower), with severityReason.' }) severity?: CaseSeverity | null;
  @Field(() => String, { nullable: true }) severityReason?: string | null;
}

@InputType()
export class CaseFilterInput {
  @Field(() => CaseStatusEnum, { nullable: true }) status?: CaseStatus | null;
  @Field(() => CaseSeverityEnum, { nullable: true }) severity?: CaseSeverity | null;
  @Field(() => ID, { nullable: true }) employerId?: string | null;
  @Field(() => ID, { nullable: true }) applicantId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Only cases whose next step is overdue (true) or not (false).' }) overdue?: boolean | null;
}
