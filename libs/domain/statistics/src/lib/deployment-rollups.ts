import { addDays } from '@puente/common';
import { addMonths, type StatisticsDimension, type StatisticsFilterFacts } from './statistics.rules';

/**
 * Monthly rollups of `stat_deployment` for the dimensions a question uses, and the arithmetic that answers any period
 * from them: the months a period covers whole come from the rollup, its first and last months day by day from the
 * facts. A rollup is one statement over the aggregate; it serves every period of every later question on the same
 * dimensions until the next refresh, so an answer reads tens of rows instead of every deployment of the period.
 *
 * Events: D a departure (with how many first-time, rehired and named), R a return home, U a return due (judged:
 * settled, and on time), S a first-timer's days from registration to selection, P days from selection to departure.
 */
export const ROLLUP_EVENTS = ['D', 'R', 'U'] as const;
export const HISTOGRAM_EVENTS = ['S', 'P'] as const;
export type RollupEvent = (typeof ROLLUP_EVENTS)[number] | (typeof HISTOGRAM_EVENTS)[number];

export interface EventCounts {
  n: number;
  firstTime: number;
  rehires: number;
  named: number;
  settled: number;
  onTime: number;
}

/** The counts of one cell, with its values (the cell split at '|': the dimensions' values, and for histograms the number of days last). */
export type CellCounts = EventCounts & { values: string[] };

/** Counts by event, then time (a month YYYY-MM in a rollup, a day YYYY-MM-DD in the edges), then cell. */
export type EventTable = Map<RollupEvent, Map<string, Map<string, CellCounts>>>;

export const emptyCounts = (): EventCounts => ({ n: 0, firstTime: 0, rehires: 0, named: 0, settled: 0, onTime: 0 });

function add(into: EventCounts, c: EventCounts): void {
  into.n += c.n;
  into.firstTime += c.firstTime;
  into.rehires += c.rehires;
  into.named += c.named;
  into.settled += c.settled;
  into.onTime += c.onTime;
}

/** The dimensions a filter restricts, by the dimension each restriction is. */
export function restrictedDimensions(f: StatisticsFilterFacts): Partial<Record<StatisticsDimension, string>> {
  const r: Partial<Record<StatisticsDimension, string>> = {};
  if (f.destinationCountry != null) r.DESTINATION_COUNTRY = f.destinationCountry;
  if (f.regionCode != null) r.DESTINATION_REGION = f.regionCode;
  if (f.departmentCode != null) r.DEPARTMENT = f.departmentCode;
  if (f.iscoMajorGroup != null) r.ISCO_MAJOR = f.iscoMajorGroup;
  if (f.sex != null) r.SEX = f.sex;
  return r;
}

/** The dimensions of the rollup a question needs: the groups it asks for and the restrictions it makes, each once, in a fixed order. */
export function rollupDimensions(groups: readonly StatisticsDimension[], f: StatisticsFilterFacts): StatisticsDimension[] {
  return [...new Set([...groups, ...(Object.keys(restrictedDimensions(f)) as StatisticsDimension[])])].sort();
}

export const monthOf = (day: string): string => day.slice(0, 7);
const monthRange = (month: string): [string, string] => [`${month}-01`, addDays(addMonths(`${month}-01`, 1), -1)];

/** The months whose days are read from the facts: the first and the last of the period (one when they are the same). */
export function edgeMonths(from: string, to: string): [string, string][] {
  return [...new Set([monthOf(from), monthOf(to)])].map(monthRange);
}

/**
 * Sums one event's counts by group over a period (`from`–`to`), or over everything up to a day (`upTo`: the day
 * included), from a rollup and the edge months' days. `cells` of the rollup are read by `dimensions`; a cell outside
 * the restrictions is skipped, and the rest are summed by the values of `groups` (joined with '|').
 */
export function sumEvent(
  event: RollupEvent,
  rollup: EventTable,
  edges: EventTable,
  dimensions: readonly StatisticsDimension[],
  groups: readonly StatisticsDimension[],
  f: StatisticsFilterFacts,
  span: { from: string; to: string } | { upTo: string },
): Map<string, EventCounts> {
  const restricted = restrictedDimensions(f);
  const checks = Object.entries(restricted).map(([d, v]) => [dimensions.indexOf(d as StatisticsDimension), v] as const);
  const picks = groups.map((g) => dimensions.indexOf(g));
  const histogram = (HISTOGRAM_EVENTS as readonly string[]).includes(event);
  const out = new Map<string, EventCounts>();
  const collect = (cells: Map<string, CellCounts> | undefined) => {
    if (!cells) return;
    for (const counts of cells.values()) {
      const values = counts.values;
      let kept = true;
      for (const [i, v] of checks) if (values[i] !== v) kept = false;
      if (!kept) continue;
      let key = '';
      for (let j = 0; j < picks.length; j++) key += (j ? '|' : '') + values[picks[j]];
      if (histogram) key += (picks.length ? '|' : '') + values[values.length - 1];
      let into = out.get(key);
      if (!into) out.set(key, (into = emptyCounts()));
      add(into, counts);
    }
  };
  const [firstMonth, lastMonth, firstDay, lastDay] =
    'upTo' in span ? ['', monthOf(span.upTo), '', span.upTo] : [monthOf(span.from), monthOf(span.to), span.from, span.to];
  for (const [month, cells] of rollup.get(event) ?? []) {
    const inside = 'upTo' in span ? month < lastMonth : month > firstMonth && month < lastMonth;
    if (inside) collect(cells);
  }
  for (const [day, cells] of edges.get(event) ?? []) {
    const month = monthOf(day);
    const edge = month === lastMonth || ('upTo' in span ? false : month === firstMonth);
    if (edge && day >= firstDay && day <= lastDay) collect(cells);
  }
  return out;
}

/** The total of a summed event over every group. */
export function totalOf(sums: Map<string, EventCounts>): EventCounts {
  const total = emptyCounts();
  for (const c of sums.values()) add(total, c);
  return total;
}

/** Reads rows of an events statement into an EventTable. */
export function eventTable(rows: readonly ({ event: RollupEvent; time: string; cell: string } & EventCounts)[]): EventTable {
  const table: EventTable = new Map();
  for (const { event, time, cell, ...counts } of rows) {
    const byTime = table.get(event) ?? new Map<string, Map<string, CellCounts>>();
    const cells = byTime.get(time) ?? new Map<string, CellCounts>();
    cells.set(cell, { ...counts, values: cell.split('|') });
    byTime.set(time, cells);
    table.set(event, byTime);
  }
  return table;
}
