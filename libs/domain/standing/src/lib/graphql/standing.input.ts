import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType({ description: 'Each question a whole score from 1 (very poor) to 5 (very good).' })
export class RateEmployerInput {
  @Field(() => ID, { description: 'Your own placement, once you are home.' }) placementId!: string;
  @Field(() => Int, { description: 'Were wages paid as agreed?' }) wagesAsAgreed!: number;
  @Field(() => Int, { description: 'Were the hours as agreed?' }) hoursAsAgreed!: number;
  @Field(() => Int) housing!: number;
  @Field(() => Int, { description: 'How you were treated.' }) treatment!: number;
  @Field(() => Int) safety!: number;
  @Field(() => Int, { description: 'Would you go back to this employer?' }) wouldGoBack!: number;
  @Field(() => String, { nullable: true, description: 'Read by the ministry only, never by the employer (up to 4,000 characters).' }) comments?: string | null;
}

@InputType()
export class ClearEmployerHoldInput {
  @Field(() => ID) employerId!: string;
  @Field({ description: 'Why the orders may be approved again (10 to 2000 characters); the audit trail keeps it.' }) reason!: string;
}
