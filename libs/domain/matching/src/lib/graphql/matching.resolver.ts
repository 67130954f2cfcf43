import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, RequestContext, Roles } from '@puente/auth';
import { Actor, DomainException, ErrorCode, PageArgs, parsePage, Role, todayIso } from '@puente/common';
import { ageOn } from '@puente/domain/applicants';
import { JobOrderModel } from '@puente/domain/job-orders';
import { ReferenceService, toMunicipalityModel } from '@puente/domain/reference';
import { candidateReference } from '../candidate.repository';
import { ShortlistService } from '../shortlist.service';
import { MatchingService } from '../matching.service';
import { MatchingRunEntity } from '../matching-run.entity';
import { CandidateConnectionModel, CandidateModel, MatchingRunModel } from './matching.model';
import { RejectCandidateInput, SelectCandidatesInput } from './matching.input';
import { CandidateEntity } from '../candidate.entity';
import { SelectionService } from '../selection.service';

const toRunModel = (r: MatchingRunEntity): MatchingRunModel => ({
  id: r.id,
  status: r.status,
  jobOrderIds: r.jobOrderIds,
  policyVersion: r.policyVersion,
  failureReason: r.failureReason,
  candidatesCount: r.candidatesCount,
  createdAt: r.createdAt,
  startedAt: r.startedAt,
  finishedAt: r.finishedAt,
});


const rankCursor = (rank: number) => Buffer.from(`rank:${rank}`).toString('base64url');
function afterRank(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const match = /^rank:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) {
    throw new DomainException(ErrorCode.BAD_USER_INPUT, 'The "after" cursor is not valid; use an endCursor returned by this list.', [
      { field: 'after', message: 'not a cursor returned by this list' },
    ]);
  }
  return Number(match[1]);
}

/** The shortlist view of candidates: the profile a shortlist needs, never who the person is. */
async function toCandidateModels(shortlist: ShortlistService, reference: ReferenceService, rows: readonly CandidateEntity[]): Promise<CandidateModel[]> {
  if (!rows.length) return [];
  const [byId, ref] = await Promise.all([shortlist.applicantsOf(rows), reference.data()]);
  const today = todayIso();
  return rows.map((c) => {
    const a = byId.get(c.applicantId)!;
    return {
      applicant: {
        reference: candidateReference(c.id),
        age: ageOn(a.birthDate, today),
        gender: a.gender,
        municipality: toMunicipalityModel(ref.municipalities.get(a.municipalityCode)!, ref),
        occupations: a.occupations,
        skills: a.skills,
        languages: a.languages,
        yearsExperience: a.yearsExperience,
        evaluationsSummary: null,
      },
      score: c.score,
      // Lines stored before reasons had codes read with their sentence alone.
      breakdown: c.breakdown.map((l) => ({ ...l, code: l.code ?? null, params: l.params ?? null })),
      rank: c.rank,
      status: c.status,
      named: c.named,
      applicantId: c.applicantId,
    };
  });
}

@Resolver()
export class MatchingResolver {
  constructor(
    private readonly matching: MatchingService,
    private readonly selection: SelectionService,
    private readonly shortlist: ShortlistService,
    private readonly reference: ReferenceService,
  ) {}

  @Roles(Role.COORDINATOR, Role.EMPLOYER)
  @Mutation(() => [CandidateModel], { description: 'Selects candidates of an order, up to its positions; a full order becomes FILLED.' })
  async selectCandidates(@CurrentActor() actor: Actor, @Args('input') input: SelectCandidatesInput): Promise<CandidateModel[]> {
    return toCandidateModels(this.shortlist, this.reference, await this.selection.select(actor, input.jobOrderId, input.applicantIds));
  }

  @Roles(Role.COORDINATOR, Role.EMPLOYER)
  @Mutation(() => CandidateModel, { description: 'Rejects a suggested or reserve candidate, with a reason; a re-run will not propose them again.' })
  async rejectCandidate(@CurrentActor() actor: Actor, @Args('input') input: RejectCandidateInput): Promise<CandidateModel> {
    const [model] = await toCandidateModels(this.shortlist, this.reference, [await this.selection.reject(actor, input.jobOrderId, input.applicantId, input.reason)]);
    return model!;
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => MatchingRunModel, { description: 'Queues a matching of open orders together; poll matchingRun(id) for the result.' })
  async runMatching(@CurrentActor() actor: Actor, @Args('jobOrderIds', { type: () => [ID] }) jobOrderIds: string[]): Promise<MatchingRunModel> {
    return toRunModel(await this.matching.requestRun(actor, jobOrderIds));
  }

  @Roles(Role.COORDINATOR, Role.EMPLOYER)
  @Query(() => MatchingRunModel, { description: 'A matching run: coordinators any, an employer one that matched its own orders (only those listed).' })
  async matchingRun(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<MatchingRunModel> {
    return toRunModel(await this.matching.findRun(actor, id));
  }
}

const LATEST_RUN = Symbol('latestMatchingRun');

/** The order's latest matching run, batched per request: a page of orders costs one query. */
@Resolver(() => JobOrderModel)
export class JobOrderMatchingRunResolver {
  constructor(private readonly matching: MatchingService) {}

  @Roles(Role.COORDINATOR, Role.EMPLOYER)
  @ResolveField(() => MatchingRunModel, { nullable: true, description: 'The latest matching of this order (approval starts one); null before any.' })
  async latestMatchingRun(@Parent() order: JobOrderModel, @CurrentActor() actor: Actor, @Context() ctx: RequestContext): Promise<MatchingRunModel | null> {
    const loader = ctx.loaders.get<string, MatchingRunEntity | null>(LATEST_RUN, (ids) => this.matching.latestRunsOf(actor, ids));
    const run = await loader.load(order.id);
    return run ? toRunModel(run) : null;
  }
}

const SELECTED_COUNT = Symbol('selectedCount');

/** The shortlist of an order the caller already reached (its own, for an employer), without names or identifiers. */
@Resolver(() => JobOrderModel)
export class JobOrderCandidatesResolver {
  constructor(
    private readonly shortlist: ShortlistService,
    private readonly reference: ReferenceService,
  ) {}

  // The portal shows how many positions remain; counted here, as selectCandidates counts them, rather than by a
  // client paging through a shortlist of hundreds. Batched per request: a page of orders costs one query.
  @Roles(Role.COORDINATOR, Role.EMPLOYER)
  @ResolveField(() => Int, { description: 'Positions not yet taken by a selected candidate: how many selectCandidates still accepts.' })
  async positionsLeft(@Parent() order: JobOrderModel, @Context() ctx: RequestContext): Promise<number> {
    const loader = ctx.loaders.get<string, number>(SELECTED_COUNT, (ids) => this.shortlist.selectedCounts(ids));
    return Math.max(0, order.positions - (await loader.load(order.id)));
  }

  @Roles(Role.COORDINATOR, Role.EMPLOYER)
  @ResolveField(() => CandidateConnectionModel)
  async candidates(@Parent() order: JobOrderModel, @CurrentActor() actor: Actor, @Args() args: PageArgs): Promise<CandidateConnectionModel> {
    const { limit } = parsePage({ first: args.first });
    const rows = await this.shortlist.pageForActor(actor, order, afterRank(args.after), limit + 1);
    const page = rows.slice(0, limit);
    const nodes = await toCandidateModels(this.shortlist, this.reference, page);
    const edges = nodes.map((node) => ({ cursor: rankCursor(node.rank), node }));
    return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}

@Resolver(() => CandidateModel)
export class CandidateFieldsResolver {
  /** The applicant's id, for coordinators who open the full file; an employer asking is refused. */
  @Roles(Role.COORDINATOR)
  @ResolveField(() => ID)
  applicantId(@Parent() candidate: CandidateModel): string {
    return candidate.applicantId;
  }
}
