import { Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@puente/auth';
import { Role } from '@puente/common';
import { ReferenceService } from '../reference.service';
import { MunicipalityModel, OccupationModel, RegionModel, SkillModel } from './reference.model';
import { toMunicipalityModel } from './reference.mapper';

const EVERYONE = [Role.ADMIN, Role.COORDINATOR, Role.EMPLOYER, Role.APPLICANT];

/** The vocabularies forms are built from. Short, bounded lists, so plain arrays rather than connections. */
@Resolver()
export class ReferenceResolver {
  constructor(private readonly reference: ReferenceService) {}

  @Roles(...EVERYONE)
  @Query(() => [MunicipalityModel], { description: "El Salvador's 44 municipalities with their departments." })
  async municipalities(): Promise<MunicipalityModel[]> {
    const ref = await this.reference.data();
    return [...ref.municipalities.values()].map((m) => toMunicipalityModel(m, ref));
  }

  @Roles(...EVERYONE)
  @Query(() => [RegionModel], { description: 'US states and Canadian provinces and territories.' })
  async regions(): Promise<RegionModel[]> {
    return [...(await this.reference.data()).regions.values()] as RegionModel[];
  }

  @Roles(...EVERYONE)
  @Query(() => [OccupationModel], { description: 'The ISCO-08 occupations the program places workers in.' })
  async occupations(): Promise<OccupationModel[]> {
    return [...(await this.reference.data()).occupations.values()] as OccupationModel[];
  }

  @Roles(...EVERYONE)
  @Query(() => [SkillModel])
  async skills(): Promise<SkillModel[]> {
    return [...(await this.reference.data()).skills.values()];
  }
}
