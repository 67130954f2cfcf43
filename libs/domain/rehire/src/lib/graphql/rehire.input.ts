import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ContestDecisionEnum, EarlyEndEnum, EndFaultEnum } from './rehire.model';
import { LocalDateScalar } from '@puente/common';

@InputType()
export class EndPlacementInput {
  @Field(() => ID) placementId!: string;
  @Field(() => EarlyEndEnum) outcome!: 'TERMINATED_EARLY' | 'ABANDONED';
  @Field(() => LocalDateScalar) endedOn!: string;
  @Field(() => EndFaultEnum, { nullable: true, description: 'Required for an early end.' }) fault?: 'WORKER' | 'EMPLOYER' | 'NONE';
  @Field({ description: 'What happened (10 to 2000 characters).' }) reason!: string;
}

@InputType()
export class EvaluationInputModel {
  @Field(() => Int) punctuality!: number;
  @Field(() => Int) quality!: number;
  @Field(() => Int) safety!: number;
  @Field(() => Int) teamwork!: number;
  @Field(() => Int) overall!: number;
  @Field() wouldRehire!: boolean;
  @Field(() => String, { nullable: true }) comments?: string | null;
}

@InputType()
export class RequestNamedWorkersInput {
  @Field(() => ID) jobOrderId!: string;
  @Field(() => [ID], { description: 'Former workers of this employer, rehire-eligible.' }) applicantIds!: string[];
  @Field({ nullable: true, defaultValue: true, description: 'Whether the shortlist may offer someone else if a named worker cannot travel.' })
  substituteAcceptable?: boolean;
}

@InputType()
export class RehirePoolFilter {
  @Field(() => String, { nullable: true, description: 'ISCO-08 code.' }) occupation?: string | null;
  @Field(() => ID, { nullable: true, description: 'Former workers of this employer (coordinators).' }) employerId?: string | null;
  @Field(() => Boolean, { nullable: true }) needsPassportRenewal?: boolean | null;
}

@InputType()
export class ContestEvaluationInput {
  @Field(() => ID) evaluationId!: string;
  @Field({ description: 'Why you contest it, in your words (10 to 4000 characters).' }) statement!: string;
}

@InputType()
export class ResolveEvaluationContestInput {
  @Field(() => ID) evaluationId!: string;
  @Field(() => ContestDecisionEnum) decision!: 'UPHOLD' | 'OVERTURN';
  @Field({ description: 'Why (10 to 2000 characters); the worker reads it.' }) reason!: string;
}
