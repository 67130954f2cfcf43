import { DomainException, ErrorCode, FieldProblem, Problems } from '@puente/common';
import type { EmployerStatus } from './employer.state-machine';

/**
 * The one status the public sees an employer in: verified by the ministry. A pending employer (not checked yet)
 * and a suspended one (e.g. after substantiated abuse) are left out, and so are their orders.
 */
export const PUBLIC_EMPLOYER_STATUS: EmployerStatus = 'VERIFIED';

/** Whether the public list of verified employers shows this employer (`PUBLIC_EMPLOYER_STATUS`, used in SQL too). */
export function isPubliclyVerified(employer: { status: EmployerStatus }): boolean {
  return employer.status === PUBLIC_EMPLOYER_STATUS;
}

/** The letters a name search folds to plain ones, in both cases, and what each becomes (same positions). */
export const SEARCH_FOLD_FROM = 'áàâäãåéèêëíìîïóòôöõúùûüñçýÿÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇÝ';
export const SEARCH_FOLD_TO = 'aaaaaaeeeeiiiiooooouuuuncyyaaaaaaeeeeiiiiooooouuuuncy';

/** How long a name search may be, in characters. */
export const MAX_NAME_SEARCH_LENGTH = 100;

/**
 * A name as the search compares it: accents of Spanish, French and English folded (`SEARCH_FOLD_FROM` →
 * `SEARCH_FOLD_TO`) and A–Z lower-cased, exactly what the SQL `lower(translate(name, FROM, TO))` does, so the
 * two sides agree whatever the database's locale (its lower() may leave non-ASCII letters as they are).
 */
export function foldForSearch(text: string): string {
  let folded = '';
  for (const char of text.normalize('NFC')) {
    const at = SEARCH_FOLD_FROM.indexOf(char);
    folded += at >= 0 ? SEARCH_FOLD_TO[at] : char;
  }
  return folded.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/**
 * The LIKE pattern of a name search (any part of the legal or trade name, case and accents aside), or null for no
 * search; spaces are collapsed and LIKE's own characters (`%`, `_`, `\`) taken literally. Over
 * `MAX_NAME_SEARCH_LENGTH` characters is BAD_USER_INPUT on `filter.name`.
 */
export function employerNamePattern(name: string | null | undefined): string | null {
  const cleaned = (name ?? '').replace(/\s+/g, ' ').trim();
  if (!cleaned) return null;
  if (cleaned.length > MAX_NAME_SEARCH_LENGTH) {
    throw new DomainException(ErrorCode.BAD_USER_INPUT, `The name to search for is too long: at most ${MAX_NAME_SEARCH_LENGTH} characters.`, [
      { field: 'filter.name', message: `must be at most ${MAX_NAME_SEARCH_LENGTH} characters` },
    ]);
  }
  return `%${foldForSearch(cleaned).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * What is wrong with a public filter of the verified employers: a region that is no known state or province, or one
 * outside the country asked for (each named as `filter.<field>`); empty when it can be used.
 */
export function verifiedEmployerFilterProblems(
  filter: { country?: string | null; regionCode?: string | null },
  regionCountry: ReadonlyMap<string, string>,
): FieldProblem[] {
  const p = new Problems();
  if (filter.regionCode) {
    const country = regionCountry.get(filter.regionCode);
    p.check(country !== undefined, 'filter.regionCode', 'is not a known US state or Canadian province (e.g. US-FL, CA-QC)');
    p.check(country === undefined || !filter.country || country === filter.country, 'filter.regionCode', `is not in ${filter.country}`);
  }
  return p.list;
}
