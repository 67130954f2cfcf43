import { Field, InputType } from '@nestjs/graphql';
import { CountryEnum, SectorEnum } from '@puente/domain/reference';
import type { Sector } from '@puente/domain/reference';

@InputType({ description: 'Narrows the verified employers; every field optional.' })
export class VerifiedEmployerFilterInput {
  @Field(() => String, {
    nullable: true,
    description: 'Any part of the legal or trade name, in any case and with or without accents ("quebec" finds "Québec"); at most 100 characters.',
  })
  name?: string | null;
  @Field(() => CountryEnum, { nullable: true }) country?: 'US' | 'CA' | null;
  @Field(() => String, { nullable: true, description: 'A state or province, e.g. US-FL, CA-QC (see the regions query).' }) regionCode?: string | null;
  @Field(() => SectorEnum, { nullable: true }) sector?: Sector | null;
}
