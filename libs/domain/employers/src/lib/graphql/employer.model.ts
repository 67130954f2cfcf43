import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
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
  /** Read by the coordinators' `approvalHold` field only (employer-hold.resolver.ts). */
  hold!: { caseId: string | null; since: Date; reason: string } | null;
}

@ObjectType('EmployerApprovalHold', { description: "A hold on the approval of the employer's orders, until a coordinator clears it (clearEmployerHold) or suspends the employer." })
export class EmployerApprovalHoldModel {
  @Field() since!: Date;
  @Field({ description: 'Why: the substantiated critical case.' }) reason!: string;
  @Field(() => ID, { nullable: true, description: 'The case that caused it.' }) caseId!: string | null;
}

@ObjectType()
export class EmployerConnection extends Connected(EmployerModel) {}
