import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Page } from '@puente/common';

/**
 * The keyset condition "after the cursor" in (column DESC, id DESC) order, for hand-written SQL: `at` and `id` are
 * the cursor's parameters as SQL (`$3::timestamptz`, `$4::uuid`). A cursor carries milliseconds (a JavaScript Date)
 * while PostgreSQL keeps microseconds, so rows of the cursor's millisecond are told apart by id alone: rows that
 * share one instant (a batch inserted in one transaction) all follow, where comparing (column, id) with the
 * millisecond would skip every one of them after the first page. (Two transactions writing rows within the same
 * millisecond may still be ordered differently by the two, which only matters at a page boundary.) The range on
 * the column stays a plain bound, so the (column DESC, id DESC) index still serves it.
 */
export function keysetAfterSql(column: string, idColumn: string, at: string, id: string): string {
  return `(${column} < ${at} + interval '1 millisecond' AND (${column} < ${at} OR ${idColumn} < ${id}))`;
}

/** Newest first, keyset-paginated on (created_at, id): stable under inserts and index-friendly. */
export function pageQuery<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, page: Page): SelectQueryBuilder<T> {
  return pageQueryBy(qb, page, 'created_at');
}

/**
 * The same keyset page on another non-null timestamp column of the alias (e.g. approved_at: the newest approved
 * first), then id; the cursor's `createdAt` carries that column's value (`encodeCursor({ createdAt: row.approvedAt, id })`).
 */
export function pageQueryBy<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, page: Page, column: 'created_at' | 'approved_at' | 'verified_at'): SelectQueryBuilder<T> {
  const alias = qb.alias;
  if (page.after) {
    qb.andWhere(keysetAfterSql(`${alias}.${column}`, `${alias}.id`, 'CAST(:afterCreatedAt AS timestamptz)', 'CAST(:afterId AS uuid)'), {
      afterCreatedAt: page.after.createdAt,
      afterId: page.after.id,
    });
  }
  return qb
    .orderBy(`${alias}.${column}`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .limit(page.limit + 1);
}
