import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { LanguageSkillModel } from '@puente/domain/applicants';
import { MunicipalityModel } from '@puente/domain/reference';
import { enumObject, PageInfo } from '@puente/common';
import { CANDIDATE_STATUSES } from '../candidate.entity';
import { MATCHING_RUN_STATUSES } from '../matching-run.entity';

export const MatchingRunStatusEnum = enumObject(MATCHING_RUN_STATUSES);
export const CandidateStatusEnum = enumObject(CANDIDATE_STATUSES);
registerEnumType(MatchingRunStatusEnum, { name: 'MatchingRunStatus' });
registerEnumType(CandidateStatusEnum, { name: 'CandidateStatus' });

@ObjectType('MatchingRun', { description: 'One matching of open job orders, run by the worker.' })
export class MatchingRunModel {
  @Field(() => ID) id!: string;
  @Field(() => MatchingRunStatusEnum) status!: string;
  @Field(() => [ID]) jobOrderIds!: string[];
  @Field({ description: 'The scoring policy the run used.' }) policyVersion!: string;
  @Field(() => String, { nullable: true }) failureReason!: string | null;
  @Field(() => Int, { nullable: true }) candidatesCount!: number | null;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
}

@ObjectType('ScoreLine', { description: 'What one factor gave to the score, and why.' })
export class ScoreLineModel {
  @Field() factor!: string;
  @Field(() => Float) points!: number;
  @Field(() => Float) maxPoints!: number;
  @Field({ description: 'In English, for reading as is; `code` and `params` say the same for translation.' }) explanation!: string;
  // A portal in Spanish and English cannot translate a finished English sentence; it translates the reason's code.
  @Field(() => String, {
    nullable: true,
    description: 'The reason as a stable code (e.g. REQUIRED_SKILLS), made with the sentence; null for scores stored before codes existed.',
  })
  code!: string | null;
  @Field(() => GraphQLJSON, { nullable: true, description: "The code's numbers and codes (e.g. { matched: 2, asked: 3 }); never a name or identifier." })
  params!: Record<string, number | string> | null;
}

@ObjectType('CandidateProfile', {
  description: 'What a shortlist needs to know of an applicant: no name, national ID, passport, phone, e-mail or address.',
})
export class CandidateProfileModel {
  @Field({ description: 'An opaque reference, stable for this order.' }) reference!: string;
  @Field(() => Int) age!: number;
  @Field() gender!: string;
  @Field(() => MunicipalityModel) municipality!: MunicipalityModel;
  @Field(() => [String]) occupations!: string[];
  @Field(() => [String]) skills!: string[];
  @Field(() => [LanguageSkillModel]) languages!: LanguageSkillModel[];
  @Field(() => Int) yearsExperience!: number;
  @Field(() => String, { nullable: true, description: 'Summary of past evaluations; none before a first contract.' })
  evaluationsSummary!: string | null;
}

@ObjectType('Candidate')
export class CandidateModel {
  @Field(() => CandidateProfileModel) applicant!: CandidateProfileModel;
  @Field(() => Float) score!: number;
  @Field(() => [ScoreLineModel]) breakdown!: ScoreLineModel[];
  @Field(() => Int) rank!: number;
  @Field(() => CandidateStatusEnum) status!: string;
  @Field({ description: 'A returning worker the employer asked for by name: placed first.' }) named!: boolean;
  /** Internal: resolved for coordinators only. */
  applicantId!: string;
}

@ObjectType('CandidateEdge')
export class CandidateEdgeModel {
  @Field() cursor!: string;
  @Field(() => CandidateModel) node!: CandidateModel;
}

@ObjectType('CandidateConnection', { description: 'An order\'s shortlist, best first, then its reserves.' })
export class CandidateConnectionModel {
  @Field(() => [CandidateEdgeModel]) edges!: CandidateEdgeModel[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
