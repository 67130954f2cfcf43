import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Page } from '@puente/common';

/** Newest first, keyset-paginated on (created_at, id): stable under inserts and index-friendly. */
export function pageQuery<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, page: Page): SelectQueryBuilder<T> {
  const alias = qb.alias;
  if (page.after) {
    qb.andWhere(`(${alias}.created_at, ${alias}.id) < (:afterCreatedAt, :afterId)`, {
      afterCreatedAt: page.after.createdAt,
      afterId: page.after.id,
    });
  }
  return qb
    .orderBy(`${alias}.created_at`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .limit(page.limit + 1);
}
