import { Field, ObjectType } from '@nestjs/graphql';
import { Connected, LocalDateScalar } from '@puente/common';
import { CountryEnum, RegionModel, SectorEnum } from '@puente/domain/reference';
import { ProgramEnum } from './employer.model';

/**
 * What anyone may read about a verified employer, to check that a job offer's employer is real: the company, where
 * it is, and the program certification it hires under. Nothing about a person (no contact, no user, no worker).
 */
@ObjectType('VerifiedEmployer', {
  description:
    'An employer the ministry has verified (not a pending or suspended one): the company, where it is, and the program ' +
    'certification its orders run under. Public: no contact person, e-mail or phone, no user and no worker.',
})
export class VerifiedEmployerModel {
  @Field() legalName!: string;
  @Field(() => String, { nullable: true, description: 'The name it trades under, when it differs.' }) tradeName!: string | null;
  @Field(() => CountryEnum) country!: string;
  @Field(() => RegionModel, { description: 'The state or province of its address of business.' }) region!: RegionModel;
  @Field() city!: string;
  @Field(() => SectorEnum) sector!: string;
  @Field(() => ProgramEnum, { description: 'The temporary-work program it hires under (H-2A, H-2B, or a stream of Canada’s TFWP).' }) program!: string;
  @Field({
    description:
      "The program's certification of the company, not of a person: the US Department of Labor's H-2A/H-2B case number " +
      '(published by the department, e.g. on seasonaljobs.dol.gov) or the Canadian LMIA number. Ask the program to confirm it.',
  })
  programReference!: string;
  @Field(() => LocalDateScalar, { description: 'The day the ministry verified it (El Salvador’s calendar), or reinstated it after a suspension.' })
  verifiedOn!: string;
}

@ObjectType()
export class VerifiedEmployerConnection extends Connected(VerifiedEmployerModel) {}
