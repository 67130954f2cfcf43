/**
 * One statistics table as exports write it (Excel sheet, CSV file): a stable key, a title and column headers in
 * Spanish and English, and rows keyed by the columns' keys. Numbers stay numbers (shares from 0 to 1, rates per
 * 1,000); a value that cannot be computed (a share of nothing) is null.
 */
export interface StatisticsTable {
  key: string;
  title: { es: string; en: string };
  columns: { key: string; header: { es: string; en: string } }[];
  rows: Record<string, string | number | null>[];
}
