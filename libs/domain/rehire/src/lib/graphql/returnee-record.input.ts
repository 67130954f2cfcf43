import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { SavingsUseEnum } from './returnee-record.model';

@InputType()
export class ReturneeSkillInput {
  @Field({ description: 'An ISCO-08 occupation code of the reference data (occupations).' }) iscoCode!: string;
  @Field(() => Int, { description: 'Whole hours worked at it in the season, 1 or more; all skills together at most 16 a day abroad.' }) hours!: number;
}

@InputType({ description: 'The whole record of a season: a later call corrects it, and what it leaves out is not reported.' })
export class RecordReturneeInput {
  @Field(() => ID) placementId!: string;
  @Field(() => Float, { nullable: true, description: "Earned in the season, in the job order's currency: 0 to 250,000, in cents; leave out if not reported." })
  earnings?: number | null;
  @Field(() => Float, { nullable: true, description: "Sent home in the season, in the job order's currency (may exceed the earnings): 0 to 250,000, in cents." })
  remittances?: number | null;
  @Field(() => [SavingsUseEnum], { nullable: true, description: 'What savings went to, each once.' }) savingsUses?: string[] | null;
  @Field(() => [ReturneeSkillInput], { nullable: true, description: 'Skills to certify, at most 10, each occupation once.' }) skills?: ReturneeSkillInput[] | null;
  @Field({ description: 'Interested in a job in El Salvador.' }) wantsDomesticJob!: boolean;
  @Field({ description: 'Interested in training.' }) wantsTraining!: boolean;
  @Field(() => String, { nullable: true, description: 'The training wanted, up to 500 characters; only with wantsTraining.' }) trainingWanted?: string | null;
}

@InputType()
export class ReturneesToReferFilter {
  @Field(() => String, { nullable: true, description: "The worker's department (SV-SS)." }) departmentCode?: string | null;
  @Field(() => String, { nullable: true, description: 'An ISCO-08 occupation among the skills to certify.' }) iscoCode?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'true: referred already; false: not yet; left out: both.' }) referred?: boolean | null;
}

@InputType()
export class ReferReturneeInput {
  @Field(() => ID) returneeRecordId!: string;
  @Field({ description: 'Where the returnee is referred, e.g. INSAFORP (2 to 120 characters).' }) institution!: string;
  @Field(() => String, { nullable: true, description: 'A note for the institution and the ministry (up to 1,000 characters); the worker does not see it.' })
  note?: string | null;
}
