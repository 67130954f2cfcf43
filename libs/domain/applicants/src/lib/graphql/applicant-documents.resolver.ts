import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, RequestContext, Roles } from '@puente/auth';
import { Actor, Role } from '@puente/common';
import type { ApplicantDocumentEntity } from '../applicant-document.entity';
import { ApplicantDocumentsService } from '../applicant-documents.service';
import { ApplicantIdentifiers } from '../applicant-identifiers';
import { ApplicantModel } from './applicant.model';
import { ApplicantDocumentModel, RecordDocumentInput } from './applicant-document.model';
import { inDocumentOrder, toDocumentModel } from './applicant-document.mapper';

const CURRENT_DOCUMENTS = Symbol('currentDocuments');
const DOCUMENT_HISTORY = Symbol('documentHistory');

/**
 * Recording an applicant's documents (staff who checked the original: a coordinator or an administrator, never
 * the applicant, who could otherwise vouch for a document nobody saw) and reading them on the applicant.
 */
@Resolver(() => ApplicantModel)
export class ApplicantDocumentsResolver {
  constructor(
    private readonly service: ApplicantDocumentsService,
    private readonly identifiers: ApplicantIdentifiers,
  ) {}

  @Roles(Role.COORDINATOR, Role.ADMIN)
  @Mutation(() => ApplicantDocumentModel, {
    description:
      "Records a document checked against the original; it replaces the current one of its kind. A passport becomes the applicant's " +
      'passport (a VERIFIED applicant becomes AVAILABLE). Expiry warnings are planned against the next contract.',
  })
  async recordDocument(@CurrentActor() actor: Actor, @Args('input') input: RecordDocumentInput): Promise<ApplicantDocumentModel> {
    const { applicantId, ...draft } = input;
    return toDocumentModel(await this.service.record(actor, applicantId, draft), this.identifiers, actor);
  }

  @Roles(Role.COORDINATOR, Role.ADMIN, Role.APPLICANT)
  @ResolveField(() => [ApplicantDocumentModel], {
    description: 'The current documents, one per kind (with `history`, the replaced ones too, after them). Numbers in clear for staff only.',
  })
  async documents(
    @Parent() applicant: ApplicantModel,
    @CurrentActor() actor: Actor,
    @Context() ctx: RequestContext,
    @Args('history', { defaultValue: false, description: 'Also the documents newer ones replaced.' }) history: boolean,
  ): Promise<ApplicantDocumentModel[]> {
    const loader = ctx.loaders.get<string, ApplicantDocumentEntity[]>(history ? DOCUMENT_HISTORY : CURRENT_DOCUMENTS, async (ids) => {
      const byApplicant = await this.service.documentsFor(actor, ids, history);
      return ids.map((id) => byApplicant.get(id) ?? []);
    });
    return [...(await loader.load(applicant.id))].sort(inDocumentOrder).map((d) => toDocumentModel(d, this.identifiers, actor));
  }
}
