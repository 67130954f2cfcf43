import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { enumObject } from '@puente/common';
import { type Sector, SECTORS } from '../reference.entities';

export const SectorEnum = enumObject(SECTORS);
registerEnumType(SectorEnum, { name: 'Sector' });

export enum CountryEnum {
  US = 'US',
  CA = 'CA',
}
registerEnumType(CountryEnum, { name: 'Country', description: 'Destination countries: United States and Canada.' });

@ObjectType('Department')
export class DepartmentModel {
  @Field({ description: 'ISO 3166-2:SV code, e.g. SV-SA.' }) code!: string;
  @Field() name!: string;
}

@ObjectType('Municipality')
export class MunicipalityModel {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => DepartmentModel) department!: DepartmentModel;
}

@ObjectType('Region', { description: 'A US state or a Canadian province or territory.' })
export class RegionModel {
  @Field({ description: 'e.g. US-FL, CA-QC' }) code!: string;
  @Field(() => CountryEnum) country!: CountryEnum;
  @Field() name!: string;
}

@ObjectType('Occupation')
export class OccupationModel {
  @Field({ description: 'ISCO-08 unit group.' }) iscoCode!: string;
  @Field() title!: string;
  @Field(() => SectorEnum) sector!: Sector;
  @Field(() => [String], { description: 'Matching Canadian NOC 2021 codes.' }) nocCodes!: string[];
  @Field(() => [String], { description: 'Matching US SOC / O*NET-SOC codes.' }) socCodes!: string[];
}

@ObjectType('Skill')
export class SkillModel {
  @Field() code!: string;
  @Field() label!: string;
  @Field(() => [String], { description: 'ISCO-08 occupations where the skill is typical.' }) occupationCodes!: string[];
}
