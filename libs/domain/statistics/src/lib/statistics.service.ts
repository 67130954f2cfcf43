import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, addDays, DomainException, Role } from '@puente/common';
import { CASE_CATEGORIES } from '@puente/domain/cases';
import { ReferenceService } from '@puente/domain/reference';
import type { Classified } from './classifications';
import { comboKey, DIMENSION_SQL, type GroupVocabulary, groupCombinations } from './statistics-groups';
import { edgeMonths, type EventTable, eventTable, restrictedDimensions, type RollupEvent, rollupDimensions, sumEvent, totalOf } from './deployment-rollups';
import {
  assertStatisticsFilter,
  CASE_OUTCOMES,
  disparityRatio,
  medianOfHistogram,
  perThousand,
  share,
  type StatisticsDimension,
  type StatisticsFilterFacts,
  supplyBalance,
  type SupplyBalance,
} from './statistics.rules';
import type { StatisticsTable } from './statistics-table';
import { statisticsTables, type TableLanguage } from './statistics-tables';

/** A filter that passed `assertStatisticsFilter`. */
export interface CheckedStatisticsFilter extends StatisticsFilterFacts {
  groupBy: StatisticsDimension[];
}

/** One answered query: its filter, when the aggregates were refreshed, and the sections already computed. */
export interface StatisticsQuery {
  filter: CheckedStatisticsFilter;
  asOf: Date | null;
  memo: Map<string, Promise<unknown>>;
}

export interface StatisticsGroupValue {
  dimension: StatisticsDimension;
  key: string;
  label: string;
  labelEs: string;
}

export interface MigrationFlow {
  groups: StatisticsGroupValue[];
  outflows: number;
  returns: number;
  stockAbroad: number;
}

export interface ProgramMeasures {
  registeredApplicants: number;
  registeredInPeriod: number;
  verifiedApplicants: number;
  verifiedInPeriod: number;
  availableApplicants: number;
  ordersRequested: number;
  positionsRequested: number;
  ordersApproved: number;
  positionsApproved: number;
  ordersFilled: number;
  positionsFilled: number;
  deployments: number;
  medianDaysRegistrationToSelection: number | null;
  medianDaysSelectionToDeparture: number | null;
  returnsDue: number;
  returnsOnTime: number;
  onTimeReturnRate: number | null;
  rehires: number;
  rehireRate: number | null;
  namedRequests: number;
  namedRequestShare: number | null;
}

export interface CaseOutcomeRate {
  outcome: string;
  cases: number;
  perThousand: number | null;
}

export interface CaseCategoryRate {
  category: string;
  cases: number;
  perThousand: number | null;
  outcomes: CaseOutcomeRate[];
}

export interface CaseRates {
  placements: number;
  cases: number;
  perThousand: number | null;
  categories: CaseCategoryRate[];
  outcomes: CaseOutcomeRate[];
}

export interface SupplyDemandRow {
  iscoCode: string;
  occupation: string;
  departmentCode: string | null;
  department: string | null;
  positionsRequested: number;
  qualifiedAvailable: number;
  balance: SupplyBalance;
}

export interface ShareComparison {
  deployments: number;
  deploymentShare: number | null;
  registrants: number;
  registrantShare: number | null;
  disparityRatio: number | null;
}

export interface FairnessArea extends ShareComparison {
  code: string;
  name: string;
  departmentCode: string | null;
}

export interface Fairness {
  deployments: number;
  registrants: number;
  departments: FairnessArea[];
  municipalities: FairnessArea[];
  women: ShareComparison;
  youth: ShareComparison;
  firstTimers: ShareComparison;
}

export interface ReturneeCurrency {
  currency: string;
  records: number;
  medianEarnings: number | null;
  medianRemittances: number | null;
}

export interface ReturneeFigures {
  records: number;
  withSkillsToCertify: number;
  referredForCertification: number;
  interestedInDomesticJobs: number;
  interestedInTraining: number;
  byCurrency: ReturneeCurrency[];
}

/** Positional parameters of one statement. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The restrictions of a filter over one aggregate, as `AND …` clauses (empty when none applies). */
function where(f: StatisticsFilterFacts, p: Params, columns: Partial<Record<'country' | 'region' | 'department' | 'iscoMajor' | 'sex', string>>): string {
  const clauses: string[] = [];
  const restrict = (column: string | undefined, value: string | null | undefined) => {
    if (column && value != null) clauses.push(`${column} = ${p.add(value)}`);
  };
  restrict(columns.country, f.destinationCountry);
  restrict(columns.region, f.regionCode);
  restrict(columns.department, f.departmentCode);
  restrict(columns.iscoMajor, f.iscoMajorGroup);
  restrict(columns.sex, f.sex);
  return clauses.map((c) => ` AND ${c}`).join('');
}

/** Orders have no worker: only their destination and occupation restrict them. */
const ORDER_COLUMNS = { country: 'o.country', region: 'o.region_code', iscoMajor: 'left(o.isco_code, 1)' };
const SUPPLY_COLUMNS = { department: 's.department_code', sex: 's.sex', iscoMajor: 'left(s.isco_code, 1)' };

interface RegistrantCounts {
  registered: number;
  verified: number;
  deployed: number;
}

interface FlowCounts {
  outflows: number;
  returns: number;
  stockAbroad: number;
}

/** Registrants of one place, sex and age group (and day or month, for the rows kept per refresh). */
interface RegistrantRow extends RegistrantCounts {
  municipalityCode: string;
  departmentCode: string;
  sex: string;
  ageGroup: string;
  day?: string;
  month?: string;
}

/** Registrants by where they live, sex and age group: on the period's last day, on the day before it, and available now. */
interface RegistrantFacts {
  atEnd: ({ municipalityCode: string; departmentCode: string; sex: string; ageGroup: string } & RegistrantCounts)[];
  beforeStart: RegistrantCounts;
  available: number;
}

type OrderCounts = Pick<ProgramMeasures, 'ordersRequested' | 'positionsRequested' | 'ordersApproved' | 'positionsApproved' | 'ordersFilled' | 'positionsFilled'>;

const ALLOWED_ROLES: readonly Role[] = [Role.COORDINATOR, Role.ADMIN];

/** A deployment's values of some dimensions, joined with '|' (the cell of a rollup). */
const cellSql = (dimensions: readonly StatisticsDimension[]): string =>
  dimensions.length ? dimensions.map((d) => `coalesce(${DIMENSION_SQL[d]}, '')`).join(` || '|' || `) : `''`;

/** Edge tables of different months, as one. */
function mergeTables(tables: EventTable[]): EventTable {
  const merged: EventTable = new Map();
  for (const table of tables) {
    for (const [event, byTime] of table) {
      const into = merged.get(event) ?? new Map();
      for (const [time, cells] of byTime) into.set(time, cells);
      merged.set(event, into);
    }
  }
  return merged;
}

interface CaseRow {
  day: string;
  values: string[];
  category: string;
  outcome: string;
  caseId: string;
}

interface ReturneeRow {
  day: string | null;
  values: string[];
  currency: string;
  earnings: number | null;
  remittances: number | null;
  skills: number;
  referred: boolean;
  domestic: boolean;
  training: boolean;
}

/** How many answers (one section of one filter) and rollups (one set of dimensions) a process keeps. */
const CACHED_ANSWERS = 500;
const CACHED_ROLLUPS = 128;
/** Registrant months kept (a month's days are about one row per registration of that month). */
const CACHED_REGISTRANT_MONTHS = 36;

/**
 * Answers already computed, by section and filter, for the aggregates of one refresh: they do not change until the
 * next refresh, so an answer stays exact as long as `asOf` is the same; a query that sees a newer `asOf` drops them
 * all. Least recently used first out. A failed answer is not kept.
 */
class AnswerCache {
  private asOf: number | null = null;

  constructor(private readonly size: number) {}

  private readonly answers = new Map<string, Promise<unknown>>();

  get<T>(asOf: Date, key: string, compute: () => Promise<T>): Promise<T> {
    if (asOf.getTime() !== this.asOf) {
      this.answers.clear();
      this.asOf = asOf.getTime();
    }
    const found = this.answers.get(key) as Promise<T> | undefined;
    if (found) {
      this.answers.delete(key);
      this.answers.set(key, found);
      return found;
    }
    const answer = compute();
    this.answers.set(key, answer);
    if (this.answers.size > this.size) this.answers.delete(this.answers.keys().next().value!);
    answer.catch(() => this.answers.get(key) === answer && this.answers.delete(key));
    return answer;
  }
}
const NO_FLOWS: FlowCounts = { outflows: 0, returns: 0, stockAbroad: 0 };

/**
 * The program's statistics in the ILO 2018 format, answered from the aggregates `StatisticsRefreshService` keeps
 * (docs/statistics.md), never from the raw tables. A query reads what its sections need, each piece once (the
 * period's flows, its departures, its returns due, the placements active in it, the registrants, the orders, the
 * cases, the supply, the returnees), each by an index of its aggregate; an answer is kept until the next refresh
 * (`AnswerCache`). Coordinators and administrators only.
 */
@Injectable()
export class StatisticsService {
  private readonly answers = new AnswerCache(CACHED_ANSWERS);
  private readonly rollups = new AnswerCache(CACHED_ROLLUPS);
  private readonly registrantMonths = new AnswerCache(CACHED_REGISTRANT_MONTHS);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reference: ReferenceService,
  ) {}

  /** Checks the actor and the filter (BAD_USER_INPUT naming the field) and reads when the aggregates were refreshed. */
  async query(actor: Actor, filter: StatisticsFilterFacts): Promise<StatisticsQuery> {
    if (!ALLOWED_ROLES.includes(actor.role)) throw DomainException.forbidden('Statistics are for coordinators and administrators.');
    const reference = await this.reference.data();
    assertStatisticsFilter(filter, { regionCountry: reference.regionCountry, departments: new Set(reference.departments.map((d) => d.code)) });
    const checked: CheckedStatisticsFilter = {
      from: filter.from,
      to: filter.to,
      groupBy: [...((filter.groupBy ?? []) as StatisticsDimension[])],
      destinationCountry: filter.destinationCountry ?? null,
      regionCode: filter.regionCode ?? null,
      departmentCode: filter.departmentCode ?? null,
      iscoMajorGroup: filter.iscoMajorGroup ?? null,
      sex: filter.sex ?? null,
    };
    const [row] = await this.dataSource.query(`SELECT refreshed_at FROM stat_refresh WHERE id = 1`);
    return { filter: checked, asOf: (row?.refreshed_at as Date | undefined) ?? null, memo: new Map() };
  }

  /**
   * Every statistics table of a filter (flows by the filter's groups, program measures, cases per 1,000, supply
   * against demand, fairness, returnees), for exports; group and measure names in `language`. COORDINATOR and ADMIN
   * only (FORBIDDEN otherwise); BAD_USER_INPUT naming the field for a wrong filter.
   */
  async tables(actor: Actor, filter: StatisticsFilterFacts, language: TableLanguage = 'es'): Promise<StatisticsTable[]> {
    const q = await this.query(actor, filter);
    const [flows, total, program, cases, supplyDemand, fairness, returnees] = await Promise.all([
      this.flows(q),
      this.total(q),
      this.programMeasures(q),
      this.caseRates(q),
      this.supplyDemand(q),
      this.fairness(q),
      this.returnees(q),
    ]);
    return statisticsTables({ filter: q.filter, asOf: q.asOf, flows, total, program, cases, supplyDemand, fairness, returnees }, language);
  }

  /** Outflows, returns and stock abroad for every combination of the values of the dimensions grouped by, zeros included. */
  flows(q: StatisticsQuery): Promise<MigrationFlow[]> {
    return this.memo(q, 'flows', async () => {
      const f = q.filter;
      const [vocabulary, counted] = await Promise.all([this.vocabulary(), this.flowCounts(q)]);
      const rows = groupCombinations(f.groupBy, vocabulary, f).map((combo) => this.flowRow(f.groupBy, combo, counted));
      // A value the data has and the vocabulary lacks still shows (nothing is dropped from a total).
      const known = new Set(rows.map((r) => comboKey(r.groups.map((g) => g.key))));
      for (const [key, counts] of counted) {
        if (known.has(key)) continue;
        const keys = key.split('|');
        rows.push({ groups: f.groupBy.map((dimension, i) => ({ dimension, key: keys[i], label: keys[i], labelEs: keys[i] })), ...counts });
      }
      return rows;
    });
  }

  /** The flows of the whole filtered population (no grouping). */
  async total(q: StatisticsQuery): Promise<MigrationFlow> {
    const counted = await this.flowCounts(q);
    const sum = (pick: (c: FlowCounts) => number) => [...counted.values()].reduce((n, c) => n + pick(c), 0);
    return { groups: [], outflows: sum((c) => c.outflows), returns: sum((c) => c.returns), stockAbroad: sum((c) => c.stockAbroad) };
  }

  programMeasures(q: StatisticsQuery): Promise<ProgramMeasures> {
    return this.memo(q, 'program', async () => {
      const f = q.filter;
      const dims = rollupDimensions([], f);
      const period = { from: f.from, to: f.to };
      const [[rollup, edges], [histograms, histogramEdges], registrants, orders] = await Promise.all([
        this.deployments(q, dims, false),
        this.deployments(q, dims, true),
        this.registrants(q),
        this.orders(q),
      ]);
      const departures = totalOf(sumEvent('D', rollup, edges, dims, [], f, period));
      const due = totalOf(sumEvent('U', rollup, edges, dims, [], f, period));
      const histogram = (event: RollupEvent) =>
        [...sumEvent(event, histograms, histogramEdges, dims, [], f, period)].map(([days, c]) => ({ value: Number(days), count: c.n }));
      const end = registrants.atEnd.reduce((sum, r) => ({ registered: sum.registered + r.registered, verified: sum.verified + r.verified }), { registered: 0, verified: 0 });
      return {
        registeredApplicants: end.registered,
        registeredInPeriod: end.registered - registrants.beforeStart.registered,
        verifiedApplicants: end.verified,
        verifiedInPeriod: end.verified - registrants.beforeStart.verified,
        availableApplicants: registrants.available,
        ...orders.counts,
        deployments: departures.n,
        medianDaysRegistrationToSelection: medianOfHistogram(histogram('S')),
        medianDaysSelectionToDeparture: medianOfHistogram(histogram('P')),
        returnsDue: due.settled,
        returnsOnTime: due.onTime,
        onTimeReturnRate: share(due.onTime, due.settled),
        rehires: departures.rehires,
        rehireRate: share(departures.rehires, departures.n),
        namedRequests: departures.named,
        namedRequestShare: share(departures.named, departures.n),
      };
    });
  }

  caseRates(q: StatisticsQuery): Promise<CaseRates> {
    return this.memo(q, 'cases', async () => {
      const f = q.filter;
      const dims = rollupDimensions([], f);
      const restricted = Object.entries(restrictedDimensions(f)).map(([d, v]) => [dims.indexOf(d as StatisticsDimension), v] as const);
      const [active, all] = await Promise.all([this.activePlacements(q), this.caseRows(q, dims)]);
      const rows = all.filter((r) => r.day >= f.from && r.day <= f.to && restricted.every(([i, v]) => r.values[i] === v));
      const rate = (cases: number): CaseOutcomeRate['perThousand'] => perThousand(cases, active);
      const categories = CASE_CATEGORIES.map((category) => {
        const outcomes = CASE_OUTCOMES.map((outcome) => {
          const cases = rows.filter((r) => r.category === category && r.outcome === outcome).length;
          return { outcome, cases, perThousand: rate(cases) };
        });
        const cases = outcomes.reduce((sum, o) => sum + o.cases, 0);
        return { category, cases, perThousand: rate(cases), outcomes };
      });
      const outcomes = CASE_OUTCOMES.map((outcome) => {
        const cases = new Set(rows.filter((r) => r.outcome === outcome).map((r) => r.caseId)).size;
        return { outcome, cases, perThousand: rate(cases) };
      });
      const cases = outcomes.reduce((sum, o) => sum + o.cases, 0);
      return { placements: active, cases, perThousand: rate(cases), categories, outcomes };
    });
  }

  supplyDemand(q: StatisticsQuery): Promise<SupplyDemandRow[]> {
    return this.memo(q, 'supplyDemand', async () => {
      const f = q.filter;
      const p = new Params();
      const [reference, orders, supplied] = await Promise.all([
        this.reference.data(),
        this.orders(q),
        this.dataSource.query(
          `SELECT s.isco_code AS "iscoCode", s.department_code AS "departmentCode", sum(s.available)::int AS available
           FROM stat_supply s WHERE true${where(f, p, SUPPLY_COLUMNS)}
           GROUP BY 1, 2`,
          p.values,
        ) as Promise<{ iscoCode: string; departmentCode: string; available: number }[]>,
      ]);
      const availableIn = new Map(supplied.map((s) => [`${s.iscoCode}|${s.departmentCode}`, s.available]));
      const occupations = [...reference.occupations.values()].filter((o) => f.iscoMajorGroup == null || o.iscoCode.startsWith(f.iscoMajorGroup));
      const departments = reference.departments.filter((d) => f.departmentCode == null || d.code === f.departmentCode);
      const rows: SupplyDemandRow[] = [];
      for (const occupation of occupations) {
        const positionsRequested = orders.positionsRequested.get(occupation.iscoCode) ?? 0;
        const perDepartment = departments.map((d) => ({ d, available: availableIn.get(`${occupation.iscoCode}|${d.code}`) ?? 0 }));
        const national = perDepartment.reduce((sum, x) => sum + x.available, 0);
        const row = (departmentCode: string | null, department: string | null, qualifiedAvailable: number): SupplyDemandRow => ({
          iscoCode: occupation.iscoCode,
          occupation: occupation.title,
          departmentCode,
          department,
          positionsRequested,
          qualifiedAvailable,
          balance: supplyBalance(positionsRequested, qualifiedAvailable),
        });
        rows.push(row(null, null, national), ...perDepartment.map(({ d, available }) => row(d.code, d.name, available)));
      }
      return rows;
    });
  }

  fairness(q: StatisticsQuery): Promise<Fairness> {
    return this.memo(q, 'fairness', async () => {
      const f = q.filter;
      const groups: StatisticsDimension[] = ['MUNICIPALITY', 'SEX', 'AGE_GROUP', 'FIRST_TIME_OR_RETURNING'];
      const dims = rollupDimensions(groups, f);
      const [reference, [rollup, edges], registrants] = await Promise.all([this.reference.data(), this.deployments(q, dims, false), this.registrants(q)]);
      const deployed = [...sumEvent('D', rollup, edges, dims, groups, f, { from: f.from, to: f.to })].map(([key, c]) => {
        const [municipalityCode, sex, ageGroup, firstTime] = key.split('|');
        return { municipalityCode, departmentCode: reference.municipalities.get(municipalityCode)?.departmentCode ?? '', sex, ageGroup, firstTime: firstTime === 'FIRST_TIME', n: c.n };
      });
      const regRows = registrants.atEnd;
      const totalDeployed = deployed.reduce((sum, r) => sum + r.n, 0);
      const totalRegistered = regRows.reduce((sum, r) => sum + r.registered, 0);
      const compare = (deployments: number, registered: number): ShareComparison => {
        const deploymentShare = share(deployments, totalDeployed);
        const registrantShare = share(registered, totalRegistered);
        return { deployments, deploymentShare, registrants: registered, registrantShare, disparityRatio: disparityRatio(deploymentShare, registrantShare) };
      };
      const sumDeployed = (test: (r: (typeof deployed)[number]) => boolean) => deployed.filter(test).reduce((sum, r) => sum + r.n, 0);
      const sumRegistered = (test: (r: (typeof regRows)[number]) => boolean, count: (r: (typeof regRows)[number]) => number = (r) => r.registered) =>
        regRows.filter(test).reduce((sum, r) => sum + count(r), 0);
      const departments = reference.departments
        .filter((d) => f.departmentCode == null || d.code === f.departmentCode)
        .map((d) => ({
          code: d.code,
          name: d.name,
          departmentCode: null,
          ...compare(sumDeployed((r) => r.departmentCode === d.code), sumRegistered((r) => r.departmentCode === d.code)),
        }));
      const municipalities = [...reference.municipalities.values()]
        .filter((m) => f.departmentCode == null || m.departmentCode === f.departmentCode)
        .map((m) => ({
          code: m.code,
          name: m.name,
          departmentCode: m.departmentCode,
          ...compare(sumDeployed((r) => r.municipalityCode === m.code), sumRegistered((r) => r.municipalityCode === m.code)),
        }));
      return {
        deployments: totalDeployed,
        registrants: totalRegistered,
        departments,
        municipalities,
        women: compare(sumDeployed((r) => r.sex === 'FEMALE'), sumRegistered((r) => r.sex === 'FEMALE')),
        youth: compare(sumDeployed((r) => r.ageGroup === 'AGE_15_24'), sumRegistered((r) => r.ageGroup === 'AGE_15_24')),
        firstTimers: compare(
          sumDeployed((r) => r.firstTime),
          sumRegistered(() => true, (r) => r.registered - r.deployed),
        ),
      };
    });
  }

  returnees(q: StatisticsQuery): Promise<ReturneeFigures> {
    return this.memo(q, 'returnees', async () => {
      const f = q.filter;
      const dims = rollupDimensions([], f);
      const restricted = Object.entries(restrictedDimensions(f)).map(([d, v]) => [dims.indexOf(d as StatisticsDimension), v] as const);
      const rows = (await this.returneeRows(q, dims)).filter((r) => r.day !== null && r.day >= f.from && r.day <= f.to && restricted.every(([i, v]) => r.values[i] === v));
      const count = (test: (r: ReturneeRow) => boolean) => rows.filter(test).length;
      const median = (values: (number | null)[]) =>
        medianOfHistogram([...values.filter((v): v is number => v !== null).reduce((h, v) => h.set(v, (h.get(v) ?? 0) + 1), new Map<number, number>())].map(([value, n]) => ({ value, count: n })));
      const currencies = [...new Set(rows.map((r) => r.currency))].sort();
      return {
        records: rows.length,
        withSkillsToCertify: count((r) => r.skills > 0),
        referredForCertification: count((r) => r.referred),
        interestedInDomesticJobs: count((r) => r.domestic),
        interestedInTraining: count((r) => r.training),
        byCurrency: currencies.map((currency) => {
          const of = rows.filter((r) => r.currency === currency);
          return { currency, records: of.length, medianEarnings: median(of.map((r) => r.earnings)), medianRemittances: median(of.map((r) => r.remittances)) };
        }),
      };
    });
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** What serves every question until the next refresh, whatever its filter (a rollup), computed once per refresh. */
  private shared<T>(q: StatisticsQuery, key: string, compute: () => Promise<T>, cache: AnswerCache = this.rollups): Promise<T> {
    let found = q.memo.get(key) as Promise<T> | undefined;
    if (!found) {
      found = q.asOf ? cache.get(q.asOf, key, compute) : compute();
      q.memo.set(key, found);
    }
    return found;
  }

  /** A section of a query, computed once per query, and once per refresh for the same filter (`AnswerCache`). */
  private memo<T>(q: StatisticsQuery, key: string, compute: () => Promise<T>): Promise<T> {
    let found = q.memo.get(key) as Promise<T> | undefined;
    if (!found) {
      found = q.asOf ? this.answers.get(q.asOf, `${key}|${JSON.stringify(q.filter)}`, compute) : compute();
      q.memo.set(key, found);
    }
    return found;
  }

  private async vocabulary(): Promise<GroupVocabulary> {
    const reference = await this.reference.data();
    return {
      departments: reference.departments,
      municipalities: [...reference.municipalities.values()],
      regions: [...reference.regions.values()].map((r) => ({ code: r.code, name: r.name, country: r.country as string })),
    };
  }

  private flowRow(dimensions: readonly StatisticsDimension[], combo: Classified[], counted: Map<string, FlowCounts>): MigrationFlow {
    const counts = counted.get(comboKey(combo.map((c) => c.key))) ?? NO_FLOWS;
    return { groups: combo.map((c, i) => ({ dimension: dimensions[i], key: c.key, label: c.label.en, labelEs: c.label.es })), ...counts };
  }

  /**
   * Flows per group: outflows and returns summed over the period, the stock on its last day as every departure up to
   * that day less every return up to it (a worker who never came home stays abroad).
   */
  private flowCounts(q: StatisticsQuery): Promise<Map<string, FlowCounts>> {
    return this.memo(q, 'flowCounts', async () => {
      const f = q.filter;
      const dims = rollupDimensions(f.groupBy, f);
      const [rollup, edges] = await this.deployments(q, dims, false);
      const sum = (event: RollupEvent, span: { from: string; to: string } | { upTo: string }) => sumEvent(event, rollup, edges, dims, f.groupBy, f, span);
      const [outflows, returns, departedBy, returnedBy] = [
        sum('D', { from: f.from, to: f.to }),
        sum('R', { from: f.from, to: f.to }),
        sum('D', { upTo: f.to }),
        sum('R', { upTo: f.to }),
      ];
      const flows = new Map<string, FlowCounts>();
      for (const key of new Set([...outflows.keys(), ...returns.keys(), ...departedBy.keys()])) {
        const counts = {
          outflows: outflows.get(key)?.n ?? 0,
          returns: returns.get(key)?.n ?? 0,
          stockAbroad: (departedBy.get(key)?.n ?? 0) - (returnedBy.get(key)?.n ?? 0),
        };
        if (counts.outflows || counts.returns || counts.stockAbroad) flows.set(key, counts);
      }
      return flows;
    });
  }

  /** Every case and category with its deployment's values of `dimensions`, until the next refresh (a few per hundred placements). */
  private caseRows(q: StatisticsQuery, dimensions: readonly StatisticsDimension[]): Promise<CaseRow[]> {
    return this.shared(q, `cases|${dimensions.join(',')}`, async () => {
      const rows: { day: string; cell: string; category: string; outcome: string; caseId: string }[] = await this.dataSource.query(
        `SELECT to_char(c.reported_on, 'YYYY-MM-DD') AS day, ${cellSql(dimensions)} AS cell, c.category, c.outcome, c.case_id AS "caseId"
         FROM stat_case c JOIN stat_deployment d ON d.placement_id = c.placement_id`,
      );
      return rows.map(({ cell, ...r }) => ({ ...r, values: cell.split('|') }));
    });
  }

  /** Every returnee record with its deployment's values of `dimensions`, until the next refresh. */
  private returneeRows(q: StatisticsQuery, dimensions: readonly StatisticsDimension[]): Promise<ReturneeRow[]> {
    return this.shared(q, `returnees|${dimensions.join(',')}`, async () => {
      const rows: (Omit<ReturneeRow, 'values' | 'earnings' | 'remittances'> & { cell: string; earnings: string | null; remittances: string | null })[] = await this.dataSource.query(
        `SELECT to_char(r.returned_on, 'YYYY-MM-DD') AS day, ${cellSql(dimensions)} AS cell, trim(r.currency) AS currency, r.earnings, r.remittances,
                r.skills_to_certify AS skills, r.referred, r.domestic_job_interest AS domestic, r.training_interest AS training
         FROM stat_returnee r JOIN stat_deployment d ON d.placement_id = r.placement_id`,
      );
      return rows.map(({ cell, earnings, remittances, ...r }) => ({
        ...r,
        values: cell.split('|'),
        earnings: earnings === null ? null : Number(earnings),
        remittances: remittances === null ? null : Number(remittances),
      }));
    });
  }

  /** Placements active during the period (the case rates' base): abroad on at least one of its days, that is departed by its last day and not home by its first. */
  private activePlacements(q: StatisticsQuery): Promise<number> {
    return this.memo(q, 'active', async () => {
      const f = q.filter;
      const dims = rollupDimensions([], f);
      const [rollup, edges] = await this.deployments(q, dims, false);
      const departed = totalOf(sumEvent('D', rollup, edges, dims, [], f, { upTo: f.to })).n;
      const home = totalOf(sumEvent('R', rollup, edges, dims, [], f, { upTo: f.from })).n;
      return departed - home;
    });
  }

  /**
   * The monthly rollup of the deployments on `dimensions` (kept until the next refresh, whatever the filter) and this
   * question's edge months day by day: departures, returns and returns due, or with `histograms` the days behind the
   * medians.
   */
  private deployments(q: StatisticsQuery, dimensions: readonly StatisticsDimension[], histograms: boolean): Promise<[EventTable, EventTable]> {
    const which = `${dimensions.join(',')}|${histograms ? 'H' : 'E'}`;
    const rollup = this.shared(q, `rollup|${which}`, async () =>
      eventTable(await this.dataSource.query(this.eventsSql(dimensions, 'YYYY-MM', (column) => `${column} IS NOT NULL`, histograms))),
    );
    // The first and last months day by day, each kept until the next refresh too (periods often share their months).
    const days = edgeMonths(q.filter.from, q.filter.to).map(([from, to]) =>
      this.shared(q, `days|${which}|${from}`, async () =>
        eventTable(await this.dataSource.query(this.eventsSql(dimensions, 'YYYY-MM-DD', (column) => `${column} BETWEEN $1::date AND $2::date`, histograms), [from, to])),
      ),
    );
    return Promise.all([rollup, Promise.all(days).then(mergeTables)]);
  }

  /** The statement that counts the events of the deployments by time (month or day) and cell (the dimensions' values). */
  private eventsSql(dimensions: readonly StatisticsDimension[], format: string, within: (column: string) => string, histograms: boolean): string {
    const cell = cellSql(dimensions);
    const time = (column: string) => `to_char(${column}, '${format}')`;
    const columns = (event: string, column: string, cellSql: string, counts: string) =>
      `SELECT '${event}' AS event, ${time(column)} AS time, ${cellSql} AS cell, ${counts} FROM stat_deployment d`;
    const zeros = (n: string) => `${n} AS n, 0 AS "firstTime", 0 AS rehires, 0 AS named, 0 AS settled, 0 AS "onTime"`;
    if (histograms) {
      const valued = (column: string) => (dimensions.length ? `${cell} || '|' || ${column}` : `${column}::text`);
      return `${columns('S', 'd.departed_on', valued('d.days_to_selection'), zeros('count(*)::int'))}
              WHERE d.first_time AND d.days_to_selection IS NOT NULL AND ${within('d.departed_on')} GROUP BY 2, 3
              UNION ALL
              ${columns('P', 'd.departed_on', valued('d.days_to_departure'), zeros('count(*)::int'))}
              WHERE d.days_to_departure IS NOT NULL AND ${within('d.departed_on')} GROUP BY 2, 3`;
    }
    return `${columns(
      'D',
      'd.departed_on',
      cell,
      `count(*)::int AS n, sum(d.first_time::int)::int AS "firstTime", sum(d.rehired::int)::int AS rehires, sum(d.named::int)::int AS named, 0 AS settled, 0 AS "onTime"`,
    )} WHERE ${within('d.departed_on')} GROUP BY 2, 3
            UNION ALL
            ${columns('R', 'd.returned_on', cell, zeros('count(*)::int'))} WHERE ${within('d.returned_on')} GROUP BY 2, 3
            UNION ALL
            ${columns(
              'U',
              'd.return_due_on',
              cell,
              `0 AS n, 0 AS "firstTime", 0 AS rehires, 0 AS named, count(*) FILTER (WHERE d.return_settled)::int AS settled,
               count(*) FILTER (WHERE d.return_settled AND d.returned_on_time)::int AS "onTime"`,
            )} WHERE ${within('d.return_due_on')} GROUP BY 2, 3`;
  }

  /**
   * Registrants (registered, verified and deployed at least once by the end of the day) on the period's last day and
   * on the day before it, by place, sex and age group, and the available ones now. On a day: the running totals at the
   * end of the nearer month (the month before for the first half of a month, plus its days up to the day; the day's own
   * month for the second half, less its days after the day). The months' totals, each month's days and the available
   * applicants are read once per refresh (`registrantMonth`), so a question adds rows in memory.
   */
  private registrants(q: StatisticsQuery): Promise<RegistrantFacts> {
    return this.memo(q, 'registrants', async () => {
      const f = q.filter;
      const keep = (r: RegistrantRow) => (f.departmentCode == null || r.departmentCode === f.departmentCode) && (f.sex == null || r.sex === f.sex);
      const [atEnd, beforeStart, available] = await Promise.all([this.registrantsOn(q, f.to), this.registrantsOn(q, addDays(f.from, -1)), this.registrantRows(q, 'AVAILABLE')]);
      const total = (rows: RegistrantRow[]) =>
        rows.filter(keep).reduce((sum, r) => ({ registered: sum.registered + r.registered, verified: sum.verified + r.verified, deployed: sum.deployed + r.deployed }), {
          registered: 0,
          verified: 0,
          deployed: 0,
        });
      return { atEnd: atEnd.filter(keep), beforeStart: total(beforeStart), available: total(available).registered };
    });
  }

  /** Registrants on a day, by place, sex and age group (see `registrants`). */
  private async registrantsOn(q: StatisticsQuery, day: string): Promise<RegistrantRow[]> {
    const months = await this.registrantRows(q, 'MONTHS');
    const month = `${day.slice(0, 7)}-01`;
    const forward = Number(day.slice(8)) > 15 && months.some((m) => m.month === month);
    const base = forward ? month : months.map((m) => m.month!).filter((m) => m < month).sort().pop();
    const [totals, days] = await Promise.all([base ? this.registrantRows(q, `MONTH|${base}`) : [], this.registrantRows(q, `DAYS|${month}`)]);
    const sums = new Map<string, RegistrantRow>();
    const add = (r: RegistrantRow, sign: number) => {
      const key = `${r.municipalityCode}|${r.sex}|${r.ageGroup}`;
      const into = sums.get(key) ?? { ...r, registered: 0, verified: 0, deployed: 0 };
      into.registered += sign * r.registered;
      into.verified += sign * r.verified;
      into.deployed += sign * r.deployed;
      sums.set(key, into);
    };
    totals.forEach((r) => add(r, 1));
    for (const r of days) {
      if (forward && r.day! > day) add(r, -1);
      else if (!forward && r.day! <= day) add(r, 1);
    }
    return [...sums.values()];
  }

  /**
   * Registrant rows kept until the next refresh: the months that have running totals (MONTHS), one month's totals
   * (MONTH|first day), one month's days (DAYS|first day), the available applicants now (AVAILABLE).
   */
  private registrantRows(q: StatisticsQuery, which: string): Promise<RegistrantRow[]> {
    return this.shared(q, `registrants|${which}`, async () => {
      const [kind, month] = which.split('|');
      const columns = `x.municipality_code AS "municipalityCode", x.department_code AS "departmentCode", x.sex, x.age_group AS "ageGroup"`;
      if (kind === 'MONTHS') {
        return this.dataSource.query(`SELECT DISTINCT to_char(month, 'YYYY-MM-DD') AS month FROM stat_registrant_month`);
      }
      if (kind === 'MONTH') {
        return this.dataSource.query(`SELECT ${columns}, x.registered, x.verified, x.deployed FROM stat_registrant_month x WHERE x.month = $1`, [month]);
      }
      if (kind === 'DAYS') {
        return this.dataSource.query(
          `SELECT to_char(x.day, 'YYYY-MM-DD') AS day, ${columns}, x.registered, x.verified, x.deployed
           FROM stat_registrant_day x WHERE x.day >= $1::date AND x.day < ($1::date + interval '1 month')::date`,
          [month],
        );
      }
      return this.dataSource.query(`SELECT ${columns}, x.applicants AS registered, 0 AS verified, 0 AS deployed FROM stat_applicant_status x WHERE x.status = 'AVAILABLE'`);
    }, this.registrantMonths);
  }

  /** The orders requested (submitted) and approved in the period, and the positions requested per occupation, in one statement. */
  private orders(q: StatisticsQuery): Promise<{ counts: OrderCounts; positionsRequested: Map<string, number> }> {
    return this.memo(q, 'orders', async () => {
      const f = q.filter;
      const p = new Params();
      const [from, to] = [p.add(f.from), p.add(f.to)];
      const restricted = where(f, p, ORDER_COLUMNS);
      const requested = `o.submitted_on BETWEEN ${from} AND ${to}`;
      const approved = `o.approved_on BETWEEN ${from} AND ${to}`;
      const rows: ({ iscoCode: string | null; all: number } & OrderCounts)[] = await this.dataSource.query(
        `SELECT o.isco_code AS "iscoCode", GROUPING(o.isco_code) AS all,
                count(*) FILTER (WHERE ${requested})::int AS "ordersRequested",
                coalesce(sum(o.positions) FILTER (WHERE ${requested}), 0)::int AS "positionsRequested",
                count(*) FILTER (WHERE ${approved})::int AS "ordersApproved",
                coalesce(sum(o.positions) FILTER (WHERE ${approved}), 0)::int AS "positionsApproved",
                count(*) FILTER (WHERE ${approved} AND o.positions_filled >= o.positions)::int AS "ordersFilled",
                coalesce(sum(o.positions_filled) FILTER (WHERE ${approved}), 0)::int AS "positionsFilled"
         FROM stat_job_order o
         WHERE (${requested} OR ${approved})${restricted}
         GROUP BY GROUPING SETS ((o.isco_code), ())`,
        p.values,
      );
      const total = rows.find((r) => r.all === 1);
      const counts: OrderCounts = {
        ordersRequested: total?.ordersRequested ?? 0,
        positionsRequested: total?.positionsRequested ?? 0,
        ordersApproved: total?.ordersApproved ?? 0,
        positionsApproved: total?.positionsApproved ?? 0,
        ordersFilled: total?.ordersFilled ?? 0,
        positionsFilled: total?.positionsFilled ?? 0,
      };
      return { counts, positionsRequested: new Map(rows.filter((r) => r.all === 0).map((r) => [r.iscoCode!.trim(), r.positionsRequested])) };
    });
  }
}
