import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '@puente/auth';
import { ReferenceService } from '../reference.service';
import { DepartmentModel, MunicipalityModel, OccupationModel, RegionModel, SkillModel } from './reference.model';
import { toMunicipalityModel } from './reference.mapper';

/**
 * The vocabularies forms are built from. Public: a sign-up form (an employer's, before it has an account) needs
 * them. Harmless to open: read-only, no personal data, short bounded lists (tens to a few hundred rows) served
 * from the per-process cache without touching the database, with no arguments to abuse; the api's depth, cost
 * and alias limits apply as everywhere. Plain arrays rather than connections.
 */
@Resolver()
export class ReferenceResolver {
  constructor(private readonly reference: ReferenceService) {}

  @Public()
  @Query(() => [MunicipalityModel], { description: "El Salvador's 44 municipalities with their departments." })
  async municipalities(): Promise<MunicipalityModel[]> {
    const ref = await this.reference.data();
    return [...ref.municipalities.values()].map((m) => toMunicipalityModel(m, ref));
  }

  @Public()
  @Query(() => [DepartmentModel], { description: "El Salvador's 14 departments." })
  async departments(): Promise<DepartmentModel[]> {
    return (await this.reference.data()).departments.map((d) => ({ code: d.code, name: d.name }));
  }

  @Public()
  @Query(() => [RegionModel], { description: 'US states and Canadian provinces and territories.' })
  async regions(): Promise<RegionModel[]> {
    return [...(await this.reference.data()).regions.values()] as RegionModel[];
  }

  @Public()
  @Query(() => [OccupationModel], { description: 'The ISCO-08 occupations the program places workers in.' })
  async occupations(): Promise<OccupationModel[]> {
    return [...(await this.reference.data()).occupations.values()] as OccupationModel[];
  }

  @Public()
  @Query(() => [SkillModel], { description: 'The skills vocabulary, each with the occupations where it is typical.' })
  async skills(): Promise<SkillModel[]> {
    return [...(await this.reference.data()).skills.values()];
  }
}
