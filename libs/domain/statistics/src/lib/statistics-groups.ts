import {
  AGE_GROUP_LABELS,
  type Bilingual,
  type Classified,
  COUNTRY_LABELS,
  DURATION_BAND_LABELS,
  FIRST_TIME_LABELS,
  ISCO_MAJOR_GROUPS,
  ISCO_SUB_MAJOR_GROUPS,
  ISIC_SECTIONS,
  SEX_LABELS,
} from './classifications';
import type { StatisticsDimension, StatisticsFilterFacts } from './statistics.rules';

/** The reference data the groups are named from: El Salvador's departments and municipalities, the destination regions. */
export interface GroupVocabulary {
  departments: readonly { code: string; name: string }[];
  municipalities: readonly { code: string; name: string; departmentCode: string }[];
  regions: readonly { code: string; name: string; country: string }[];
}

/** The column (an expression over `stat_deployment d`) each dimension groups by. */
export const DIMENSION_SQL: Readonly<Record<StatisticsDimension, string>> = {
  SEX: 'd.sex',
  AGE_GROUP: 'd.age_group',
  ISCO_MAJOR: 'left(d.isco_code, 1)',
  ISCO_SUB_MAJOR: 'left(d.isco_code, 2)',
  ISIC_SECTION: 'd.isic_section',
  DESTINATION_COUNTRY: 'd.country',
  DESTINATION_REGION: 'd.region_code',
  DURATION_BAND: 'd.duration_band',
  FIRST_TIME_OR_RETURNING: `CASE WHEN d.first_time THEN 'FIRST_TIME' ELSE 'RETURNING' END`,
  DEPARTMENT: 'd.department_code',
  MUNICIPALITY: 'd.municipality_code',
};

const same = (name: string): Bilingual => ({ es: name, en: name });

/**
 * Every value of a dimension, in the order tables show them, within the filter's restrictions (the regions of the
 * restricted country, the municipalities of the restricted department, the sub-major groups of the restricted
 * major group, the restricted sex): a group with nothing in it still has its row.
 */
export function dimensionValues(dimension: StatisticsDimension, vocabulary: GroupVocabulary, filter: StatisticsFilterFacts = { from: '', to: '' }): Classified[] {
  const only = <T extends Classified>(values: T[], wanted: string | null | undefined): T[] => (wanted == null ? values : values.filter((v) => v.key === wanted));
  switch (dimension) {
    case 'SEX':
      return only(SEX_LABELS, filter.sex);
    case 'AGE_GROUP':
      return AGE_GROUP_LABELS;
    case 'ISCO_MAJOR':
      return only(ISCO_MAJOR_GROUPS, filter.iscoMajorGroup);
    case 'ISCO_SUB_MAJOR':
      return filter.iscoMajorGroup == null ? ISCO_SUB_MAJOR_GROUPS : ISCO_SUB_MAJOR_GROUPS.filter((g) => g.key.startsWith(filter.iscoMajorGroup!));
    case 'ISIC_SECTION':
      return ISIC_SECTIONS;
    case 'DESTINATION_COUNTRY': {
      const country = filter.regionCode != null ? vocabulary.regions.find((r) => r.code === filter.regionCode)?.country : filter.destinationCountry;
      return only(COUNTRY_LABELS, country);
    }
    case 'DESTINATION_REGION':
      return vocabulary.regions
        .filter((r) => (filter.destinationCountry == null || r.country === filter.destinationCountry) && (filter.regionCode == null || r.code === filter.regionCode))
        .map((r) => ({ key: r.code, label: same(r.name) }));
    case 'DURATION_BAND':
      return DURATION_BAND_LABELS;
    case 'FIRST_TIME_OR_RETURNING':
      return FIRST_TIME_LABELS;
    case 'DEPARTMENT':
      return only(
        vocabulary.departments.map((d) => ({ key: d.code, label: same(d.name) })),
        filter.departmentCode,
      );
    case 'MUNICIPALITY':
      return vocabulary.municipalities
        .filter((m) => filter.departmentCode == null || m.departmentCode === filter.departmentCode)
        .map((m) => ({ key: m.code, label: same(m.name) }));
  }
}

/**
 * Every combination of the values of the dimensions grouped by (one empty combination when none), in table order:
 * the rows a flow table shows before any count is known.
 */
export function groupCombinations(dimensions: readonly StatisticsDimension[], vocabulary: GroupVocabulary, filter?: StatisticsFilterFacts): Classified[][] {
  return dimensions.reduce<Classified[][]>(
    (rows, dimension) => rows.flatMap((row) => dimensionValues(dimension, vocabulary, filter).map((value) => [...row, value])),
    [[]],
  );
}

/** The key a combination of group values is found by. */
export const comboKey = (keys: readonly string[]): string => keys.join('|');
