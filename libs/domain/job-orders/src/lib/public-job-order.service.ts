import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { Connection, DomainException, ErrorCode, Page, parsePage, todayIso, toConnection, TtlCache } from '@puente/common';
import { PuenteConfig } from '@puente/config';
import { pageQueryBy } from '@puente/database';
import { EmployerEntity, EmployerService, PUBLIC_EMPLOYER_STATUS } from '@puente/domain/employers';
import { ReferenceService } from '@puente/domain/reference';
import { JobOrderEntity } from './job-order.entity';
import { currencyOf } from './job-order.rules';
import { MAX_FEED_ITEMS, PUBLIC_ORDER_STATUS, publicJobOrderFilterProblems } from './public-job-orders.rules';
import { toPublicJobOrderModel } from './graphql/public-job-order.mapper';
import type { PublicJobOrderModel } from './graphql/public-job-order.model';

export interface PublicJobOrderFilter {
  iscoCode?: string | null;
  country?: 'US' | 'CA' | null;
  regionCode?: string | null;
  startFrom?: string | null;
}

/**
 * What anyone may read about job orders, without signing in: the open ones (`isPubliclyOpen`, applied in SQL), as
 * `PublicJobOrderModel`, for the public query and the feeds. Answers are kept for PUBLIC_CACHE_TTL_SECONDS in this
 * process (one minute by default): an order approved, filled or cancelled shows there within that time, and another
 * api process may show it up to that much later.
 */
@Injectable()
export class PublicJobOrderService {
  private readonly pages: TtlCache<Connection<PublicJobOrderModel>>;
  private readonly orders: TtlCache<PublicJobOrderModel | null>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly employers: EmployerService,
    private readonly reference: ReferenceService,
    config: PuenteConfig,
  ) {
    const ttl = config.publicData.cacheTtlSeconds * 1000;
    this.pages = new TtlCache(ttl);
    this.orders = new TtlCache(ttl);
  }

  /**
   * The open orders, the most recently approved first (keyset on approved_at, id), narrowed by occupation, country,
   * region and first day. An occupation or region that does not exist is BAD_USER_INPUT naming the field.
   */
  async open(filter: PublicJobOrderFilter, pageArgs: { first?: number | null; after?: string | null }): Promise<Connection<PublicJobOrderModel>> {
    const page = parsePage(pageArgs);
    const ref = await this.reference.data();
    DomainException.assertValid(publicJobOrderFilterProblems(filter, { occupations: ref.codes.occupations, regionCountry: ref.regionCountry }));
    const key = JSON.stringify([filter.iscoCode ?? null, filter.country ?? null, filter.regionCode ?? null, filter.startFrom ?? null, page.limit, pageArgs.after ?? null]);
    return this.pages.get(key, async () => {
      const qb = this.openOrders();
      if (filter.iscoCode) qb.andWhere('o.isco_code = :isco', { isco: filter.iscoCode });
      if (filter.country) qb.andWhere('o.currency = :currency', { currency: currencyOf(filter.country) });
      if (filter.regionCode) qb.andWhere('o.work_region_code = :region', { region: filter.regionCode });
      if (filter.startFrom) qb.andWhere('o.start_date >= :startFrom', { startFrom: filter.startFrom });
      const rows = await this.publicModels(await pageQueryBy(qb, page, 'approved_at').getMany());
      return toConnection(rows, page, ({ model }) => model);
    });
  }

  /** The newest open orders for the feeds, at most `MAX_FEED_ITEMS`, the most recently approved first (not cached: the feeds keep their documents). */
  async latest(limit = MAX_FEED_ITEMS): Promise<PublicJobOrderModel[]> {
    const page: Page = { limit: Math.min(limit, MAX_FEED_ITEMS), after: null };
    const rows = await this.publicModels(await pageQueryBy(this.openOrders(), page, 'approved_at').getMany());
    return rows.slice(0, page.limit).map((r) => r.model);
  }

  /** One open order by its reference (JO-2026-000123), or NOT_FOUND when there is none open by that reference. */
  async openByReference(reference: string): Promise<PublicJobOrderModel> {
    const wanted = reference.trim().toUpperCase();
    const order = /^JO-\d{4}-\d{6,}$/.test(wanted)
      ? await this.orders.get(wanted, async () => {
          const [row] = await this.publicModels(await this.openOrders().andWhere('o.reference = :reference', { reference: wanted }).getMany());
          return row?.model ?? null;
        })
      : null;
    if (!order) {
      throw new DomainException(
        ErrorCode.NOT_FOUND,
        'No open job order has this reference: it may have been filled, cancelled or started, or never existed. Check the reference with the Ministry of Labour.',
      );
    }
    return order;
  }

  /** Forgets the answers kept (tests; a process that must show a change at once). */
  clearCache(): void {
    this.pages.clear();
    this.orders.clear();
  }

  /** The public rule (`isPubliclyOpen`) in SQL: approved and recruiting, starting after today, of a verified employer. */
  private openOrders(): SelectQueryBuilder<JobOrderEntity> {
    return this.dataSource.manager
      .createQueryBuilder(JobOrderEntity, 'o')
      .where('o.status = :status', { status: PUBLIC_ORDER_STATUS })
      .andWhere('o.approved_at IS NOT NULL')
      .andWhere('o.start_date > :today', { today: todayIso() })
      .andWhere('EXISTS (SELECT 1 FROM employer e WHERE e.id = o.employer_id AND e.status = :employerStatus)', { employerStatus: PUBLIC_EMPLOYER_STATUS });
  }

  /** Orders with their employers (one query for the page), each keyed by its approval for the cursor. */
  private async publicModels(orders: JobOrderEntity[]): Promise<{ createdAt: Date; id: string; model: PublicJobOrderModel }[]> {
    const [employers, ref] = await Promise.all([this.employers.findByIds([...new Set(orders.map((o) => o.employerId))]), this.reference.data()]);
    const byId = new Map(employers.filter((e): e is EmployerEntity => e !== null).map((e) => [e.id, e]));
    return orders.flatMap((o) => {
      const employer = byId.get(o.employerId);
      return employer ? [{ createdAt: o.approvedAt!, id: o.id, model: toPublicJobOrderModel(o, employer, ref) }] : [];
    });
  }
}
