import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connected, enumObject } from '@puente/common';
import { RatingState, STANDING_LEVELS, StandingLevel, StandingReasonCode } from '../standing.rules';

export const StandingLevelEnum = enumObject(STANDING_LEVELS);
registerEnumType(StandingLevelEnum, { name: 'StandingLevel', description: 'GOOD, WATCH, AT_RISK or BLOCKED (approval of its orders on hold).' });
export const StandingReasonCodeEnum = enumObject(['APPROVAL_HOLD', 'SUBSTANTIATED_CASES', 'RATINGS', 'EARLY_TERMINATIONS', 'NO_SHOWS', 'REHIRE_RATE'] as const);
registerEnumType(StandingReasonCodeEnum, { name: 'StandingReasonCode' });

export const RatingStateEnum = enumObject(['NOT_YET', 'OPEN', 'RATED'] as const);
registerEnumType(RatingStateEnum, { name: 'RatingState', description: 'NOT_YET until the placement ended and you are home, then OPEN, RATED once done.' });

@ObjectType('PlacementToRate', { description: 'One of your placements, and whether you may rate its employer.' })
export class PlacementToRateModel {
  @Field(() => ID) placementId!: string;
  @Field() employerName!: string;
  @Field() jobOrderReference!: string;
  @Field(() => String, { nullable: true }) endedOn!: string | null;
  @Field(() => String, { nullable: true }) returnedOn!: string | null;
  @Field(() => RatingStateEnum) ratingState!: RatingState;
  @Field(() => Date, { nullable: true }) ratedAt!: Date | null;
}

@ObjectType('StandingReason')
export class StandingReasonModel {
  @Field(() => StandingReasonCodeEnum) code!: StandingReasonCode;
  @Field(() => Boolean, { nullable: true, description: 'true: met; false: not met (it sets the level); null: too little to judge yet.' }) met!: boolean | null;
  @Field(() => StandingLevelEnum, { description: 'The level this reason alone gives (GOOD when met or not judged).' }) level!: StandingLevel;
  @Field() message!: string;
}

@ObjectType('RatingAverages', { description: 'Each question averaged, 1 to 5, to one decimal.' })
export class RatingAveragesModel {
  @Field(() => Float) wagesAsAgreed!: number;
  @Field(() => Float) hoursAsAgreed!: number;
  @Field(() => Float) housing!: number;
  @Field(() => Float) treatment!: number;
  @Field(() => Float) safety!: number;
  @Field(() => Float) wouldGoBack!: number;
}

@ObjectType('EmployerRatingAggregate', {
  description: "The workers' ratings of an employer over whole blocks of at least five rated placements (5, 10, 15…): never one rating, never who rated.",
})
export class EmployerRatingAggregateModel {
  @Field(() => Int) ratedPlacements!: number;
  @Field(() => RatingAveragesModel) averages!: RatingAveragesModel;
}

@ObjectType('EmployerStanding', { description: "An employer's standing, decided under a versioned policy with every reason. Coordinators see any; an employer its own." })
export class EmployerStandingModel {
  @Field(() => ID) employerId!: string;
  @Field(() => StandingLevelEnum) level!: StandingLevel;
  @Field(() => [StandingReasonModel]) reasons!: StandingReasonModel[];
  @Field() policyVersion!: string;
  @Field({ description: 'When this standing was decided (the same answer since).' }) computedAt!: Date;
  @Field(() => EmployerRatingAggregateModel, { nullable: true, description: 'null under five rated placements.' }) ratings!: EmployerRatingAggregateModel | null;
}

@ObjectType('EmployerRatingReceipt')
export class EmployerRatingReceiptModel {
  @Field(() => ID) ratingId!: string;
  @Field(() => ID) placementId!: string;
  @Field() createdAt!: Date;
}

@ObjectType('EmployerRating', { description: "One worker's rating of an employer, with its comments: coordinators only." })
export class EmployerRatingModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) placementId!: string;
  @Field(() => Int) wagesAsAgreed!: number;
  @Field(() => Int) hoursAsAgreed!: number;
  @Field(() => Int) housing!: number;
  @Field(() => Int) treatment!: number;
  @Field(() => Int) safety!: number;
  @Field(() => Int) wouldGoBack!: number;
  @Field(() => String, { nullable: true }) comments!: string | null;
  @Field() createdAt!: Date;
}

@ObjectType()
export class EmployerRatingConnection extends Connected(EmployerRatingModel) {}
