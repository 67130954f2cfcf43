import { Field, InputType } from '@nestjs/graphql';
import { CountryEnum } from '@puente/domain/reference';
import { LocalDateScalar } from '@puente/common';

@InputType({ description: 'Narrows the open orders; every field optional.' })
export class PublicJobOrderFilterInput {
  @Field(() => String, { nullable: true, description: 'An ISCO-08 code of the occupations query, e.g. 9211.' }) iscoCode?: string | null;
  @Field(() => CountryEnum, { nullable: true }) country?: 'US' | 'CA' | null;
  @Field(() => String, { nullable: true, description: 'The state or province of the workplace, e.g. US-FL, CA-QC.' }) regionCode?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Orders starting on or after this day.' }) startFrom?: string | null;
}
