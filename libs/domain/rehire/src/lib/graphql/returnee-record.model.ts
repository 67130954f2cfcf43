import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connected, enumObject, LocalDateScalar } from '@puente/common';
import { SAVINGS_USES } from '../returnee-record.rules';

export const SavingsUseEnum = enumObject(SAVINGS_USES);
registerEnumType(SavingsUseEnum, { name: 'SavingsUse', description: 'What savings from a season went to.' });

@ObjectType('ReturneeSkill', { description: 'A skill to certify: an ISCO-08 occupation and the hours worked at it in the season.' })
export class ReturneeSkillModel {
  @Field() iscoCode!: string;
  @Field({ description: "The occupation's title in the reference data." }) title!: string;
  @Field(() => Int) hours!: number;
}

@ObjectType('ReturneeReferral', { description: 'Where a coordinator referred the returnee for certification, training or domestic jobs, and when.' })
export class ReturneeReferralModel {
  @Field({ description: 'The institution, e.g. INSAFORP.' }) institution!: string;
  @Field() referredAt!: Date;
  @Field(() => ID, { nullable: true, description: 'Who referred (staff only; null for the worker).' }) referredBy!: string | null;
  @Field(() => String, { nullable: true, description: "The coordinator's note (staff only; null for the worker)." }) note!: string | null;
}

@ObjectType('ReturneeSeason', { description: 'The season a returnee record is about.' })
export class ReturneeSeasonModel {
  @Field() jobOrderReference!: string;
  @Field() employerName!: string;
  @Field(() => LocalDateScalar) departedOn!: string;
  @Field(() => LocalDateScalar, { nullable: true }) returnedOn!: string | null;
}

@ObjectType('ReturneeRecord', {
  description: 'What a worker brought home from one placement (self-reported), recorded once they were home, and its referral for certification.',
})
export class ReturneeRecordModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) placementId!: string;
  @Field(() => ID) applicantId!: string;
  @Field({ description: "The job order's currency (USD or CAD), in which the amounts are." }) currency!: string;
  @Field(() => Float, { nullable: true, description: 'Earned in the season; null when not reported.' }) earnings!: number | null;
  @Field(() => Float, { nullable: true, description: 'Sent home in the season; null when not reported.' }) remittances!: number | null;
  @Field(() => [SavingsUseEnum]) savingsUses!: string[];
  @Field(() => [ReturneeSkillModel]) skills!: ReturneeSkillModel[];
  @Field() wantsDomesticJob!: boolean;
  @Field() wantsTraining!: boolean;
  @Field(() => String, { nullable: true }) trainingWanted!: string | null;
  @Field(() => ID, { description: 'The user who recorded it first.' }) recordedBy!: string;
  @Field() recordedAt!: Date;
  @Field(() => ID, { nullable: true, description: 'The user who corrected it last; null while never corrected.' }) correctedBy!: string | null;
  @Field(() => Date, { nullable: true }) correctedAt!: Date | null;
  @Field(() => ReturneeReferralModel, { nullable: true, description: 'Null while not referred.' }) referral!: ReturneeReferralModel | null;
  @Field(() => ReturneeSeasonModel) season!: ReturneeSeasonModel;
}

@ObjectType('ReturneeToRefer', { description: 'A returnee with skills to certify, or interested in domestic jobs or training, and who they are.' })
export class ReturneeToReferModel extends ReturneeRecordModel {
  @Field() applicantName!: string;
  @Field() municipalityCode!: string;
  @Field() departmentCode!: string;
}

@ObjectType()
export class ReturneeToReferConnection extends Connected(ReturneeToReferModel) {}
