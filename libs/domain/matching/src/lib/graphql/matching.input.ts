import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class SelectCandidatesInput {
  @Field(() => ID) jobOrderId!: string;
  @Field(() => [String], { description: 'Candidates by their shortlist reference (C-…); coordinators may also give applicant ids.' })
  applicantIds!: string[];
}

@InputType()
export class RejectCandidateInput {
  @Field(() => ID) jobOrderId!: string;
  @Field({ description: 'The shortlist reference (C-…); coordinators may also give the applicant id.' }) applicantId!: string;
  @Field({ description: 'Why, 10 to 2000 characters; the ministry reviews rejections.' }) reason!: string;
}
