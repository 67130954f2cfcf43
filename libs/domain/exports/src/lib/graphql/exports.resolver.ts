import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '@puente/auth';
import { Actor, PageArgs, parsePage, Role, toConnection } from '@puente/common';
import { ExportsService } from '../exports.service';
import { ExportConnection, ExportModel } from './export.model';
import { RequestExportInput } from './export.input';

const EVERY_ROLE = [Role.ADMIN, Role.COORDINATOR, Role.EMPLOYER, Role.APPLICANT, Role.CONSUL];

@Resolver(() => ExportModel)
export class ExportsResolver {
  constructor(private readonly exports: ExportsService) {}

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => ExportModel, {
    description: 'Asks for an export, answered at once (PENDING); the worker builds the file. Read it with export(id) until it is READY, then download it from downloadUrl within 24 hours.',
  })
  requestExport(@CurrentActor() actor: Actor, @Args('input') input: RequestExportInput): Promise<ExportModel> {
    return this.exports.request(actor, input);
  }

  // Every role may ask: an export is its requester's alone, and anyone else's reads as NOT_FOUND.
  @Roles(...EVERY_ROLE)
  @Query(() => ExportModel, { description: 'One of your exports, with a fresh download link while READY; anyone else\'s is NOT_FOUND.' })
  export(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<ExportModel> {
    return this.exports.findForActor(actor, id);
  }

  @Roles(...EVERY_ROLE)
  @Query(() => ExportConnection, { description: 'Your exports, newest first.' })
  async myExports(@CurrentActor() actor: Actor, @Args() pageArgs: PageArgs): Promise<ExportConnection> {
    const page = parsePage(pageArgs);
    return toConnection(await this.exports.listForActor(actor, page), page, (e) => e);
  }
}
