import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OnEvent } from '@nestjs/event-emitter';
import { DataSource, In } from 'typeorm';
import { ApplicantEntity } from '@puente/domain/applicants';
import { Actor, DomainException, isUuid, Role } from '@puente/common';
import { JOB_ORDER_APPROVED, JobOrderApprovedEvent, JobOrderEntity } from '@puente/domain/job-orders';
import { UnitOfWork, UnitOfWorkTx } from '@puente/queue';
import { queueDelivery } from '@puente/notifications';
import { DEFAULT_JOB_OPTIONS, jobId, JobName } from '@puente/queue-contracts';
import type { Proposal } from './assignment';
import { AssignmentThread } from './assignment-thread';
import { CandidateGraph } from './candidate-graph';
import { applicantFacts, type ApplicantRow, factsOfApplicant } from './candidate-sql';
import { cursorAfter, type CandidateRow, insertCandidates, type RetrievalCursor, type RetrievedRow, retrieveCandidates, retrieveFormerWorkers } from './candidate.repository';
import { loosestRequirements, retrievalGroupKey, retrievalGroups, shareRows } from './retrieval.rules';
import { SEASON_HISTORY_READER, type SeasonHistoryReader } from './season-history.port';
import type { ApplicantFacts, FairnessContext } from './matching.model';
import { orderFacts } from './order-facts';
import { CURRENT_MATCHING_POLICY, MatchingPolicy } from './matching.policy';
import { MatchingRunEntity } from './matching-run.entity';
import { scoreCandidate, ScoreLine, scoreTotal } from './score.rules';
import { meetsRequirements, requirementsOf, unmetRequirements } from './eligibility.rules';
import { NamedCounts, namedRequestOutcome, rankShortlist, slotsAfterNamed } from './shortlist.rules';
import { recordShortlistReady } from './shortlist-notice';
import { assertMatchable, runOrderIds, runStatusAfterFailure } from './matching-run.rules';

/** An order's named workers placed first, with the counts the shortlist size depends on. */
interface NamedPlacement extends NamedCounts {
  placed: { applicantId: string; score: number; breakdown: ScoreLine[] }[];
}

/** Rows fetched per order before the exact score: a few times its shortlist, never the whole table. */
const RETRIEVAL_FACTOR = 3;
const MIN_RETRIEVAL = 50;
/** Retrieval and assignment rounds per run: later rounds, each reading twice as far, only for orders whose
 * candidates went elsewhere. */
const MAX_RETRIEVAL_ROUNDS = 4;
/**
 * Retrieval queries at once. Each takes a core of PostgreSQL while it runs. Two at once shortened a full run, but on
 * a 2-core server they left the api no core: its p99 during the run went to 3.1-3.9 times idle (the limit is 3), so
 * one at a time until PostgreSQL has cores to spare.
 */
const RETRIEVAL_CONCURRENCY = 1;
/**
 * How many orders of a retrieval group one applicant is offered to in a round. Orders of one occupation rank people
 * alike; offered to every order, the best few hundred would be each order's whole list and most positions would
 * find nobody. Three lets the assignment still choose between orders, and a group of three orders or fewer is
 * read exactly as each order alone.
 */
const FAN_OUT = 3;

/** Runs `work` on every item, at most `concurrency` at once. */
async function inTurn<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
}

@Injectable()
export class MatchingService {
  private readonly logger = new Logger(MatchingService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    @Inject(SEASON_HISTORY_READER) private readonly history: SeasonHistoryReader,
  ) {}

  /** Records a run of open orders and queues it; the worker does the work. Returns at once, QUEUED. */
  async requestRun(actor: Actor, jobOrderIds: readonly string[], policy: MatchingPolicy = CURRENT_MATCHING_POLICY): Promise<MatchingRunEntity> {
    const ids = runOrderIds(jobOrderIds);
    return this.uow.run('matching.start', (tx) => this.startRun(tx, actor, ids, policy));
  }

  /** Approving an order queues its matching at once, in the approval's unit of work. */
  @OnEvent(JOB_ORDER_APPROVED, { async: true, promisify: true })
  async onApproved(event: JobOrderApprovedEvent): Promise<void> {
    await this.startRun(event.tx, event.actor, [event.jobOrderId], CURRENT_MATCHING_POLICY);
  }

  /** The run and its job commit together (the job through the outbox): a crash in between cannot leave it QUEUED forever. */
  private async startRun(tx: UnitOfWorkTx, actor: Actor, ids: string[], policy: MatchingPolicy): Promise<MatchingRunEntity> {
    const orders = await tx.em.findBy(JobOrderEntity, { id: In(ids.filter(isUuid)) });
    assertMatchable(ids, orders);
    const run = await tx.em.save(
      tx.em.create(MatchingRunEntity, { status: 'QUEUED', jobOrderIds: ids, policyVersion: policy.version, policy, requestedBy: actor.userId }),
    );
    tx.addJob(JobName.RunMatching, { runId: run.id, requestId: actor.requestId }, { jobId: jobId(JobName.RunMatching, run.id) });
    return run;
  }

  /**
   * A run, as the caller may see it: coordinators any; an employer one that matched at least one of its orders,
   * showing only its own orders among those matched together (anything else reads as not found).
   */
  async findRun(actor: Actor, id: string): Promise<MatchingRunEntity> {
    const run = isUuid(id) ? await this.dataSource.manager.findOneBy(MatchingRunEntity, { id }) : null;
    if (!run) throw DomainException.notFound('Matching run');
    const [visible] = await this.visibleTo(actor, [run]);
    if (!visible) throw DomainException.notFound('Matching run');
    return visible;
  }

  /** The latest run of each order (the one its approval or a later request started), batched for a page of orders. */
  async latestRunsOf(actor: Actor, jobOrderIds: readonly string[]): Promise<(MatchingRunEntity | null)[]> {
    const rows: { order_id: string; id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (o.order_id) o.order_id, r.id FROM matching_run r CROSS JOIN LATERAL unnest(r.job_order_ids) AS o(order_id)
       WHERE r.job_order_ids && $1::uuid[] AND o.order_id = ANY($1) ORDER BY o.order_id, r.created_at DESC, r.id DESC`,
      [[...jobOrderIds]],
    );
    const runs = await this.visibleTo(actor, await this.dataSource.manager.findBy(MatchingRunEntity, { id: In([...new Set(rows.map((r) => r.id))]) }));
    const byId = new Map(runs.map((r) => [r.id, r]));
    const byOrder = new Map(rows.map((r) => [r.order_id, byId.get(r.id) ?? null]));
    return jobOrderIds.map((id) => byOrder.get(id) ?? null);
  }

  private async visibleTo(actor: Actor, runs: MatchingRunEntity[]): Promise<MatchingRunEntity[]> {
    if (actor.role === Role.COORDINATOR) return runs;
    if (actor.role !== Role.EMPLOYER || !runs.length) return [];
    const own: { id: string }[] = await this.dataSource.query(`SELECT id FROM job_order WHERE id = ANY($1) AND employer_id = $2`, [
      [...new Set(runs.flatMap((r) => r.jobOrderIds))],
      actor.employerId,
    ]);
    const mine = new Set(own.map((o) => o.id));
    return runs.flatMap((r) => {
      const jobOrderIds = r.jobOrderIds.filter((id) => mine.has(id));
      if (!jobOrderIds.length) return [];
      // Matched together with other employers' orders: the run's totals and failure are theirs too, so not shown.
      const shared = jobOrderIds.length < r.jobOrderIds.length;
      return [Object.assign(new MatchingRunEntity(), r, { jobOrderIds }, shared ? { candidatesCount: null, failureReason: null } : {})];
    });
  }

  /**
   * The job. Idempotent: a run that already succeeded is left alone, and the new candidates replace the old
   * suggestions in one transaction, so a worker killed half-way leaves the previous result intact and the retry
   * starts over. Orders that already have a selected applicant keep their shortlist.
   */
  async execute(runId: string, attempt = 1): Promise<number> {
    const run = await this.dataSource.manager.findOneBy(MatchingRunEntity, { id: runId });
    if (!run || run.status === 'SUCCEEDED') return run?.candidatesCount ?? 0;
    await this.dataSource.manager.update(MatchingRunEntity, { id: runId }, { status: 'RUNNING', startedAt: new Date(), failureReason: null });
    try {
      const count = await this.match(run);
      this.logger.log({ runId, orders: run.jobOrderIds.length, candidates: count }, 'Matching run succeeded');
      return count;
    } catch (error) {
      await this.dataSource.manager.update(
        MatchingRunEntity,
        { id: runId },
        { status: runStatusAfterFailure(attempt, DEFAULT_JOB_OPTIONS.attempts ?? 1), failureReason: `Attempt ${attempt} failed: ${error instanceof Error ? error.message : String(error)}` },
      );
      throw error;
    }
  }

  /**
   * The workers employers asked for by name on these orders who still meet every hard requirement, each kept
   * for the first order that asked (a worker is proposed once). They go before the assignment, taking positions,
   * scored like everyone else (their history and the fairness context included). A named worker who cannot be
   * placed holds their position only when the employer accepts no substitute; otherwise it is shortlisted as usual.
   */
  private async namedFirst(
    orders: readonly JobOrderEntity[],
    policy: MatchingPolicy,
    fairness: FairnessContext,
    rejected: ReadonlySet<string>,
  ): Promise<Map<string, NamedPlacement>> {
    const requests: { jobOrderId: string; applicantId: string; substituteAcceptable: boolean }[] = orders.length
      ? await this.dataSource.query(
          `SELECT job_order_id AS "jobOrderId", applicant_id AS "applicantId", substitute_acceptable AS "substituteAcceptable"
           FROM named_request WHERE job_order_id = ANY($1) ORDER BY created_at, id`,
          [orders.map((o) => o.id)],
        )
      : [];
    const ids = [...new Set(requests.map((r) => r.applicantId))];
    const [people, histories] = ids.length
      ? await Promise.all([this.dataSource.manager.findBy(ApplicantEntity, { id: In(ids) }), this.history.historiesOf(this.dataSource.manager, ids)])
      : [[], new Map()];
    const byId = new Map(people.map((a) => [a.id, factsOfApplicant(a, histories.get(a.id))]));
    const byOrder = new Map(orders.map((o) => [o.id, o]));
    const taken = new Set<string>();
    const named = new Map<string, NamedPlacement>();
    for (const r of requests) {
      const order = byOrder.get(r.jobOrderId)!;
      const facts = byId.get(r.applicantId);
      const entry = named.get(order.id) ?? { placed: [], held: 0, substitutable: 0 };
      named.set(order.id, entry);
      const placeable = facts !== undefined && !taken.has(r.applicantId) && !unmetRequirements(facts, orderFacts(order), policy).length;
      const outcome = namedRequestOutcome(entry, order.positions, { substituteAcceptable: r.substituteAcceptable, rejected: rejected.has(`${order.id}|${r.applicantId}`), placeable });
      if (outcome === 'HOLD') entry.held++;
      if (outcome !== 'PLACE' || !facts) continue;
      const score = scoreCandidate(facts, orderFacts(order), policy, fairness);
      taken.add(r.applicantId);
      entry.placed.push({ applicantId: r.applicantId, score: score.total, breakdown: score.breakdown });
      if (r.substituteAcceptable) entry.substitutable++;
    }
    return named;
  }

  private async match(run: MatchingRunEntity): Promise<number> {
    const policy = run.policy;
    const m = this.dataSource.manager;
    const orders = (await m.findBy(JobOrderEntity, { id: In(run.jobOrderIds), status: 'OPEN' })).sort((a, b) => (a.id < b.id ? -1 : 1));
    const decided: { job_order_id: string; applicant_id: string; status: string }[] = await m.query(
      `SELECT job_order_id, applicant_id, status FROM candidate WHERE job_order_id = ANY($1) AND status IN ('SELECTED', 'REJECTED')`,
      [orders.map((o) => o.id)],
    );
    const withSelections = new Set(decided.filter((d) => d.status === 'SELECTED').map((d) => d.job_order_id));
    const rejected = new Set(decided.filter((d) => d.status === 'REJECTED').map((d) => `${d.job_order_id}|${d.applicant_id}`));
    const targets = orders.filter((o) => !withSelections.has(o.id));
    const targetIds = targets.map((o) => o.id);
    const fairness = await this.history.fairness(m);
    const named = await this.namedFirst(targets, policy, fairness, rejected);
    const reserved = new Set([...named.values()].flatMap((n) => n.placed.map((p) => p.applicantId)));

    // The pairs scored so far, flat (see IndexedCandidates): one copy of each applicant, whatever the number of
    // orders it qualifies for; breakdowns are made at the end, for the proposals only, so memory follows the
    // applicants read, not the pairs scored.
    const graph = new CandidateGraph(targets.map((o) => ({ orderId: o.id, slots: slotsAfterNamed(o.positions, named.get(o.id), policy).slots })));
    const applicants = new Map<string, ApplicantFacts>();
    // After the first round, an order asks in proportion to the slots it still lacks.
    const shortfall = new Map<string, number>();
    let rounds = 0;
    const factsOf = new Map(targets.map((o) => [o.id, orderFacts(o)]));
    // One ranked list per retrieval group (orders that rank applicants alike), read page after page from where the
    // last ended; the rows that could still take more orders are offered again first.
    const groups = new Map<string, { cursor: RetrievalCursor | null; exhausted: boolean; leftovers: string[] }>();
    const exhausted = new Set<string>();
    // The orders each applicant is paired with so far.
    const paired = new Map<string, Set<string>>();
    const isPaired = (orderId: string, applicantId: string) => paired.get(applicantId)?.has(orderId) ?? false;
    const requirements = new Map(targets.map((o) => [o.id, requirementsOf(factsOf.get(o.id)!, policy)]));
    const refused = (orderId: string, applicantId: string) => reserved.has(applicantId) || (rejected.size > 0 && rejected.has(`${orderId}|${applicantId}`));
    const formerWorkers = new Map<string, Promise<string[]>>();
    const pair = (order: JobOrderEntity, applicantId: string) => {
      const orders = paired.get(applicantId);
      if (orders) orders.add(order.id);
      else paired.set(applicantId, new Set([order.id]));
      graph.add(order.id, applicantId, scoreTotal(applicants.get(applicantId)!, factsOf.get(order.id)!, policy, fairness));
    };
    // What retrieval's time went to, for the log line: the ranked queries, the histories, the rest (sharing, scoring).
    let [queryMs, historyMs, queries] = [0, 0, 0];
    const factsFor = async (rows: readonly ApplicantRow[]) => {
      const fresh = rows.filter((r) => !applicants.has(r.id));
      const historyStart = Date.now();
      const histories = await this.history.historiesOf(m, [...new Set(fresh.map((r) => r.id))]);
      historyMs += Date.now() - historyStart;
      for (const row of fresh) if (!applicants.has(row.id)) applicants.set(row.id, applicantFacts(row, histories.get(row.id)));
    };
    const retrieveMore = async (group: JobOrderEntity[]) => {
      const key = retrievalGroupKey(factsOf.get(group[0]!.id)!);
      const state = groups.get(key) ?? { cursor: null, exhausted: false, leftovers: [] };
      groups.set(key, state);
      // The employer's former workers are scored whatever their place in the experience order (first round only).
      if (rounds === 1) {
        for (const order of group) {
          const ids = formerWorkers.get(order.employerId) ?? this.history.formerWorkersOf(m, order.employerId);
          formerWorkers.set(order.employerId, ids);
          const rows = await retrieveFormerWorkers(this.dataSource, factsOf.get(order.id)!, policy, targetIds, await ids);
          await factsFor(rows);
          for (const row of rows) if (!isPaired(order.id, row.id) && !refused(order.id, row.id)) pair(order, row.id);
        }
      }
      const shares = group.map((o, orderIndex) => ({
        orderIndex,
        wanted: Math.max(MIN_RETRIEVAL, RETRIEVAL_FACTOR * (shortfall.get(o.id) ?? graph.slotsOf(o.id))) * 2 ** (rounds - 1),
      }));
      let page: RetrievedRow[] = [];
      if (!state.exhausted) {
        const limit = shares.reduce((sum, s) => sum + s.wanted, 0);
        const queryStart = Date.now();
        page = await retrieveCandidates(this.dataSource, loosestRequirements(group.map((o) => factsOf.get(o.id)!)), policy, targetIds, limit, state.cursor);
        queryMs += Date.now() - queryStart;
        queries++;
        if (page.length) state.cursor = cursorAfter(page.at(-1)!);
        if (page.length < limit) state.exhausted = true;
        await factsFor(page);
      }
      const eligible = (applicantId: string, i: number) => {
        const orderId = group[i]!.id;
        return !refused(orderId, applicantId) && meetsRequirements(applicants.get(applicantId)!, requirements.get(orderId)!);
      };
      const shared = shareRows([...state.leftovers, ...page.map((r) => r.id)], shares, FAN_OUT, eligible, (id, i) => isPaired(group[i]!.id, id));
      for (const [applicantId, i] of shared.pairs) pair(group[i]!, applicantId);
      state.leftovers = shared.leftovers;
      if (state.exhausted) for (const order of group) exhausted.add(order.id);
    };

    // Orders of the same occupation draw on the same people, and each person is proposed once: an order whose
    // candidates went elsewhere reads its next page and the assignment runs again, a few rounds at most. The
    // assignment runs on a thread of its own (started while the first round reads), the event loop stays free.
    let [retrievalMs, assignmentMs] = [0, 0];
    let proposals: Proposal[] = [];
    let pending = targets;
    const thread = new AssignmentThread();
    try {
      while (pending.length && rounds < MAX_RETRIEVAL_ROUNDS) {
        rounds++;
        const roundStart = Date.now();
        await inTurn(retrievalGroups(pending, (o) => factsOf.get(o.id)!), RETRIEVAL_CONCURRENCY, retrieveMore);
        const retrieved = Date.now();
        proposals = graph.proposals(await thread.assign(graph.indexed()));
        retrievalMs += retrieved - roundStart;
        assignmentMs += Date.now() - retrieved;
        const proposed = new Map<string, number>();
        for (const p of proposals) proposed.set(p.orderId, (proposed.get(p.orderId) ?? 0) + 1);
        pending = targets.filter((o) => {
          const lacking = graph.slotsOf(o.id) - (proposed.get(o.id) ?? 0);
          shortfall.set(o.id, lacking);
          return lacking > 0 && !exhausted.has(o.id);
        });
      }
    } finally {
      await thread.close();
    }
    const writeStart = Date.now();
    const byOrder = new Map<string, typeof proposals>();
    for (const p of proposals) {
      const list = byOrder.get(p.orderId);
      if (list) list.push(p);
      else byOrder.set(p.orderId, [p]);
    }
    // Named workers first, in the order they were asked for; then the shortlist of the positions left.
    const rows: CandidateRow[] = targets.flatMap((o) => {
      const first = (named.get(o.id)?.placed ?? []).map((n, i) => ({ ...n, jobOrderId: o.id, runId: run.id, rank: i + 1, status: 'SUGGESTED' as const, named: true }));
      const rest = rankShortlist(byOrder.get(o.id) ?? [], slotsAfterNamed(o.positions, named.get(o.id), policy).open, policy).map((p) => ({
        jobOrderId: o.id,
        applicantId: p.applicantId,
        runId: run.id,
        score: p.score,
        breakdown: scoreCandidate(applicants.get(p.applicantId)!, factsOf.get(o.id)!, policy, fairness).breakdown,
        rank: first.length + p.rank,
        status: p.status,
        named: false,
      }));
      return [...first, ...rest];
    });
    const explainedMs = Date.now() - writeStart;
    let insertMs = 0;
    await this.uow.run('matching.complete', async (tx) => {
      const em = tx.em;
      if (targetIds.length) {
        await em.query(`DELETE FROM candidate WHERE job_order_id = ANY($1) AND status IN ('SUGGESTED', 'RESERVE')`, [targetIds]);
      }
      const insertStart = Date.now();
      await insertCandidates(em, rows);
      insertMs = Date.now() - insertStart;
      await em.update(MatchingRunEntity, { id: run.id }, { status: 'SUCCEEDED', candidatesCount: rows.length, finishedAt: new Date(), failureReason: null });
      queueDelivery(tx, await recordShortlistReady(em, run.id, targets, rows));
    });
    this.logger.log(
      {
        runId: run.id,
        rounds,
        edges: graph.size,
        proposals: proposals.length,
        unfilledOrders: pending.length,
        retrievalMs,
        retrievalQueries: queries,
        retrievalQueryMs: queryMs,
        historyMs,
        assignmentMs,
        writingMs: Date.now() - writeStart,
        explainMs: explainedMs,
        insertMs,
      },
      'Candidates retrieved, assigned and written',
    );
    return rows.length;
  }
}

