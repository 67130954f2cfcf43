import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Connected, enumObject } from '@puente/common';
import { CASE_CATEGORIES, CASE_FINDINGS, CASE_REPORTER_ROLES, CASE_SEVERITIES, FORCED_LABOUR_INDICATORS } from '../case.rules';
import { CASE_EVENTS, CASE_STATUSES } from '../case.state-machine';
import { CASE_EVENT_KINDS } from '../case.entity';

export const CaseCategoryEnum = enumObject(CASE_CATEGORIES);
registerEnumType(CaseCategoryEnum, { name: 'CaseCategory', description: 'What a protection case is about.' });
export const ForcedLabourIndicatorEnum = enumObject(FORCED_LABOUR_INDICATORS);
registerEnumType(ForcedLabourIndicatorEnum, { name: 'ForcedLabourIndicator', description: "The ILO's eleven indicators of forced labour." });
export const CaseSeverityEnum = enumObject(CASE_SEVERITIES);
registerEnumType(CaseSeverityEnum, { name: 'CaseSeverity' });
export const CaseStatusEnum = enumObject(CASE_STATUSES);
registerEnumType(CaseStatusEnum, { name: 'CaseStatus' });
export const CaseTransitionEnum = enumObject(CASE_EVENTS);
registerEnumType(CaseTransitionEnum, { name: 'CaseTransition', description: 'A move of a case: TRIAGE, INVESTIGATE, REFER, SUBSTANTIATE, UNSUBSTANTIATE, CLOSE.' });
export const CaseFindingEnum = enumObject(CASE_FINDINGS);
registerEnumType(CaseFindingEnum, { name: 'CaseFinding', description: "A substantiated case's finding: the employer at fault, or the worker's misconduct." });
export const CaseReporterRoleEnum = enumObject(CASE_REPORTER_ROLES);
registerEnumType(CaseReporterRoleEnum, { name: 'CaseReporterRole' });
export const CaseEventKindEnum = enumObject(CASE_EVENT_KINDS);
registerEnumType(CaseEventKindEnum, { name: 'CaseEventKind' });

@ObjectType('TriageReason', { description: 'One rule of the triage that applied, with the severity it asks for at least.' })
export class TriageReasonModel {
  @Field() code!: string;
  @Field(() => CaseSeverityEnum) severity!: string;
  @Field() message!: string;
}

@ObjectType('CaseEvent', { description: 'One thing that happened to a case. The worker sees no internal event and no staff member by name.' })
export class CaseEventModel {
  @Field(() => ID) id!: string;
  @Field(() => CaseEventKindEnum) kind!: string;
  @Field(() => CaseStatusEnum, { nullable: true }) fromStatus!: string | null;
  @Field(() => CaseStatusEnum, { nullable: true }) toStatus!: string | null;
  @Field(() => ID, { nullable: true, description: 'The user who acted (staff only).' }) actorId!: string | null;
  @Field({ description: 'The role that acted, or SYSTEM.' }) actorRole!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field() internal!: boolean;
  @Field(() => GraphQLJSON) data!: unknown;
  @Field() createdAt!: Date;
}

@ObjectType('ProtectionCase', {
  description:
    "A protection case. Staff see all of it; the worker their own case without internal events; the employer only that it exists, its categories, status and outcome, and the worker only when they consented (every other field is null or empty).",
})
export class CaseModel {
  @Field(() => ID) id!: string;
  @Field() reference!: string;
  @Field(() => [CaseCategoryEnum]) categories!: string[];
  @Field(() => CaseStatusEnum) status!: string;
  @Field(() => CaseFindingEnum, { nullable: true, description: 'The outcome of a substantiated case.' }) finding!: string | null;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  @Field() createdAt!: Date;
  @Field(() => ID, { nullable: true, description: 'The worker; for the employer only with their consent.' }) applicantId!: string | null;
  @Field(() => ID, { nullable: true }) placementId!: string | null;
  @Field(() => CaseReporterRoleEnum, { nullable: true, description: 'Who filed it: the worker or staff on their behalf; for the employer only with consent.' })
  reporterRole!: string | null;
  @Field(() => ID, { nullable: true, description: 'The user who filed it (staff; the worker for their own report).' }) reportedBy!: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the worker lets the employer learn who reported (not shown to the employer).' })
  discloseReporter!: boolean | null;
  @Field(() => ID, { nullable: true }) employerId!: string | null;
  @Field(() => ID, { nullable: true }) jobOrderId!: string | null;
  @Field(() => String, { nullable: true, description: "The placement's work region ('CA-QC')." }) regionCode!: string | null;
  @Field(() => [ForcedLabourIndicatorEnum]) indicators!: string[];
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => CaseSeverityEnum, { nullable: true, description: 'What the triage rule gave.' }) triageSeverity!: string | null;
  @Field(() => String, { nullable: true }) triageVersion!: string | null;
  @Field(() => [TriageReasonModel]) triageReasons!: TriageReasonModel[];
  @Field(() => CaseSeverityEnum, { nullable: true, description: 'The severity now: the triage, or higher when staff raised it.' }) severity!: string | null;
  @Field(() => String, { nullable: true }) severityReason!: string | null;
  @Field(() => ID, { nullable: true }) assignedTo!: string | null;
  @Field(() => String, { nullable: true, description: 'The authority the case was referred to.' }) referredTo!: string | null;
  @Field(() => Date, { nullable: true, description: 'When the next step is due (open cases).' }) nextStepDueAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Set when the next step became overdue; cleared when the case moves.' }) overdueSince!: Date | null;
  @Field(() => [CaseEventModel]) events!: CaseEventModel[];
}

@ObjectType()
export class CaseConnection extends Connected(CaseModel) {}
