import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Connection, DomainException, parsePage, toConnection, TtlCache } from '@puente/common';
import { PuenteConfig } from '@puente/config';
import { pageQueryBy } from '@puente/database';
import { ReferenceService } from '@puente/domain/reference';
import type { Sector } from '@puente/domain/reference';
import { EmployerEntity } from './employer.entity';
import { employerNamePattern, PUBLIC_EMPLOYER_STATUS, SEARCH_FOLD_FROM, SEARCH_FOLD_TO, verifiedEmployerFilterProblems } from './public-employers.rules';
import { toVerifiedEmployerModel } from './graphql/verified-employer.mapper';
import type { VerifiedEmployerModel } from './graphql/verified-employer.model';

export interface VerifiedEmployerFilter {
  name?: string | null;
  country?: 'US' | 'CA' | null;
  regionCode?: string | null;
  sector?: Sector | null;
}

/**
 * What anyone may read about employers, without signing in: the verified ones only, as `VerifiedEmployerModel`
 * (no contact, no user, no status reason). Answers are kept for PUBLIC_CACHE_TTL_SECONDS in this process (one
 * minute by default; another api process may show a change up to that much later).
 */
@Injectable()
export class PublicEmployerService {
  private readonly cache: TtlCache<Connection<VerifiedEmployerModel>>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reference: ReferenceService,
    config: PuenteConfig,
  ) {
    this.cache = new TtlCache(config.publicData.cacheTtlSeconds * 1000);
  }

  /**
   * Verified employers, the most recently verified first (keyset on verified_at, id), narrowed by any part of the
   * name (case and accents aside), country, region and sector. A region that does not exist is BAD_USER_INPUT.
   */
  async verified(filter: VerifiedEmployerFilter, pageArgs: { first?: number | null; after?: string | null }): Promise<Connection<VerifiedEmployerModel>> {
    const page = parsePage(pageArgs);
    const pattern = employerNamePattern(filter.name);
    const ref = await this.reference.data();
    DomainException.assertValid(verifiedEmployerFilterProblems(filter, ref.regionCountry));
    const key = JSON.stringify([pattern, filter.country ?? null, filter.regionCode ?? null, filter.sector ?? null, page.limit, pageArgs.after ?? null]);
    return this.cache.get(key, async () => {
      const qb = this.dataSource.manager
        .createQueryBuilder(EmployerEntity, 'e')
        // PUBLIC_EMPLOYER_STATUS: the rule of public-employers.rules.ts, applied in SQL.
        .where('e.status = :status', { status: PUBLIC_EMPLOYER_STATUS })
        .andWhere('e.verified_at IS NOT NULL');
      if (pattern) {
        // The same folding as foldForSearch: translate the accents, then lower() (ASCII in any locale).
        qb.andWhere(
          `(lower(translate(e.legal_name, :foldFrom, :foldTo)) LIKE :pattern ESCAPE '\\' OR lower(translate(coalesce(e.trade_name, ''), :foldFrom, :foldTo)) LIKE :pattern ESCAPE '\\')`,
          { foldFrom: SEARCH_FOLD_FROM, foldTo: SEARCH_FOLD_TO, pattern },
        );
      }
      if (filter.country) qb.andWhere('e.country = :country', { country: filter.country });
      if (filter.regionCode) qb.andWhere('e.region_code = :region', { region: filter.regionCode });
      if (filter.sector) qb.andWhere('e.sector = :sector', { sector: filter.sector });
      const rows = await pageQueryBy(qb, page, 'verified_at').getMany();
      return toConnection(
        rows.map((row) => ({ createdAt: row.verifiedAt!, id: row.id, row })),
        page,
        ({ row }) => toVerifiedEmployerModel(row, ref),
      );
    });
  }

  /** Forgets the answers kept (tests; a process that must show a change at once). */
  clearCache(): void {
    this.cache.clear();
  }
}
