import { Field, ID, InputType } from '@nestjs/graphql';
import { CountryEnum, SectorEnum } from '@puente/domain/reference';
import { EmployerStatus } from '../employer.state-machine';
import { EmployerStatusEnum, ProgramEnum } from './employer.model';

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
