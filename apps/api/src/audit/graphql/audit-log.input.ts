import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class AuditLogFilterInput {
  @Field(() => ID, { nullable: true, description: 'Done by this user.' }) userId?: string | null;
  @Field(() => String, { nullable: true, description: 'This GraphQL operation (e.g. updateApplicant) or office action (e.g. update-applicant).' }) operation?: string | null;
  @Field(() => String, { nullable: true, description: 'On this kind of record, e.g. applicant.' }) entity?: string | null;
  @Field(() => ID, { nullable: true, description: 'On (or reading) this record.' }) entityId?: string | null;
  @Field(() => Date, { nullable: true, description: 'At or after this instant.' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'At or before this instant.' }) to?: Date | null;
}
