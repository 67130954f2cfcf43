import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connected, enumObject } from '@puente/common';
import { CountryEnum, RegionModel, SectorEnum } from '@puente/domain/reference';
import { EMPLOYER_STATUSES, EmployerStatus } from '../employer.state-machine';
import { PROGRAMS } from '../employer.rules';

export const EmployerStatusEnum = enumObject(EMPLOYER_STATUSES);
export const ProgramEnum = enumObject(PROGRAMS);
registerEnumType(EmployerStatusEnum, { name: 'EmployerStatus' });
registerEnumType(ProgramEnum, { name: 'Program', description: 'The destination program the employer hires under.' });

@ObjectType('Employer', { description: 'A US or Canadian employer. Coordinators see all; an employer user only its own.' })
export class EmployerModel {
  @Field(() => ID) id!: string;
  @Field() legalName!: string;
  @Field(() => String, { nullable: true }) tradeName!: string | null;
  @Field(() => CountryEnum) country!: string;
  @Field(() => RegionModel) region!: RegionModel;
  @Field() city!: string;
  @Field(() => SectorEnum) sector!: string;
  @Field(() => ProgramEnum) program!: string;
  @Field({ description: 'DOL case number (H-2A/H-2B) or LMIA number.' }) programReference!: string;
  @Field() contactName!: string;
  @Field() contactEmail!: string;
  @Field() contactPhone!: string;
  @Field(() => EmployerStatusEnum) status!: EmployerStatus;
  @Field(() => String, { nullable: true, description: 'Why it was suspended.' }) statusReason!: string | null;
  @Field(() => Date, { nullable: true }) verifiedAt!: Date | null;
  @Field() createdAt!: Date;
}

@ObjectType()
export class EmployerConnection extends Connected(EmployerModel) {}

@InputType()
export class RegisterEmployerInput {
  @Field() legalName!: string;
  @Field(() => String, { nullable: true }) tradeName?: string | null;
  @Field(() => CountryEnum) country!: string;
  @Field({ description: 'e.g. US-FL, CA-QC' }) regionCode!: string;
  @Field() city!: string;
  @Field(() => SectorEnum) sector!: string;
  @Field(() => ProgramEnum) program!: string;
  @Field() programReference!: string;
  @Field() contactName!: string;
  @Field({ description: 'Also the sign-in e-mail of the first user.' }) contactEmail!: string;
  @Field({ description: 'E.164, e.g. +14165550123' }) contactPhone!: string;
  @Field({ description: 'At least 12 characters.' }) password!: string;
}

@InputType()
export class SuspendEmployerInput {
  @Field(() => ID) id!: string;
  @Field({ description: 'Why, e.g. the substantiated case; the employer sees it.' }) reason!: string;
}

@InputType()
export class EmployerFilterInput {
  @Field(() => EmployerStatusEnum, { nullable: true }) status?: EmployerStatus | null;
  @Field(() => CountryEnum, { nullable: true }) country?: 'US' | 'CA' | null;
  @Field(() => String, { nullable: true }) regionCode?: string | null;
  @Field(() => SectorEnum, { nullable: true }) sector?: 'AGRICULTURE' | 'LIVESTOCK' | 'FOOD_PROCESSING' | 'CONSTRUCTION' | 'HOSPITALITY' | null;
}
