import { DomainException } from '@puente/common';
import { EMPLOYER_STATUSES } from './employer.state-machine';
import {
  employerNamePattern,
  foldForSearch,
  isPubliclyVerified,
  MAX_NAME_SEARCH_LENGTH,
  SEARCH_FOLD_FROM,
  SEARCH_FOLD_TO,
  verifiedEmployerFilterProblems,
} from './public-employers.rules';

describe('isPubliclyVerified', () => {
  it('shows a verified employer only: never a pending or a suspended one', () => {
    expect(EMPLOYER_STATUSES.filter((status) => isPubliclyVerified({ status }))).toEqual(['VERIFIED']);
  });
});

describe('foldForSearch', () => {
  it('folds accents and case: Québec, QUÉBEC and quebec are one', () => {
    expect(foldForSearch('Québec')).toBe('quebec');
    expect(foldForSearch('QUÉBEC')).toBe('quebec');
    expect(foldForSearch('Ñandú Agrícola S.A.')).toBe('nandu agricola s.a.');
    expect(foldForSearch('Ferme Lévesque & Fils')).toBe('ferme levesque & fils');
  });

  it('reads a decomposed accent (e + combining acute) as the composed letter', () => {
    expect(foldForSearch('Que\u0301bec')).toBe('quebec');
  });

  it('maps each letter of the table to its own plain letter, the table having one per letter', () => {
    expect([...SEARCH_FOLD_FROM].length).toBe([...SEARCH_FOLD_TO].length);
    expect(SEARCH_FOLD_TO).toMatch(/^[a-z]+$/);
    for (const [i, char] of [...SEARCH_FOLD_FROM].entries()) {
      const plain = char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      expect({ char, folded: SEARCH_FOLD_TO[i] }).toEqual({ char, folded: plain });
    }
  });

  it('leaves letters outside the table as they are, as SQL translate and a C-locale lower() do', () => {
    expect(foldForSearch('Łódź')).toBe('Łodź');
  });
});

describe('employerNamePattern', () => {
  it('searches any part of the name, folded, spaces collapsed', () => {
    expect(employerNamePattern('  Ferme   LÉVESQUE ')).toBe('%ferme levesque%');
  });

  it('means no search when empty or blank', () => {
    expect(employerNamePattern(null)).toBeNull();
    expect(employerNamePattern(undefined)).toBeNull();
    expect(employerNamePattern('   ')).toBeNull();
  });

  it("takes LIKE's own characters literally", () => {
    expect(employerNamePattern('100%_farms\\')).toBe('%100\\%\\_farms\\\\%');
  });

  it(`accepts ${MAX_NAME_SEARCH_LENGTH} characters and refuses one more, naming filter.name`, () => {
    expect(employerNamePattern('a'.repeat(MAX_NAME_SEARCH_LENGTH))).toBe(`%${'a'.repeat(MAX_NAME_SEARCH_LENGTH)}%`);
    let error: unknown;
    try {
      employerNamePattern('a'.repeat(MAX_NAME_SEARCH_LENGTH + 1));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainException);
    expect((error as DomainException).code).toBe('BAD_USER_INPUT');
    expect((error as DomainException).fields).toEqual([{ field: 'filter.name', message: `must be at most ${MAX_NAME_SEARCH_LENGTH} characters` }]);
  });
});

describe('verifiedEmployerFilterProblems', () => {
  const regions = new Map([
    ['CA-QC', 'CA'],
    ['US-FL', 'US'],
  ]);

  it('accepts no filter, a known region, and a region of the country asked for', () => {
    expect(verifiedEmployerFilterProblems({}, regions)).toEqual([]);
    expect(verifiedEmployerFilterProblems({ regionCode: 'CA-QC' }, regions)).toEqual([]);
    expect(verifiedEmployerFilterProblems({ country: 'CA', regionCode: 'CA-QC' }, regions)).toEqual([]);
    expect(verifiedEmployerFilterProblems({ country: 'US' }, regions)).toEqual([]);
  });

  it('names an unknown region, and one outside the country asked for', () => {
    expect(verifiedEmployerFilterProblems({ regionCode: 'XX-YY' }, regions)).toEqual([
      { field: 'filter.regionCode', message: 'is not a known US state or Canadian province (e.g. US-FL, CA-QC)' },
    ]);
    expect(verifiedEmployerFilterProblems({ country: 'US', regionCode: 'CA-QC' }, regions)).toEqual([{ field: 'filter.regionCode', message: 'is not in US' }]);
  });
});
