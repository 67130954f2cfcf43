import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import { DomainException } from './domain.exception';
import { ErrorCode } from './error-code';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

/** Where a keyset page starts: rows strictly after this (createdAt, id) in descending order. */
export interface Cursor {
  createdAt: Date;
  id: string;
}

export interface Page {
  limit: number;
  after: Cursor | null;
}

export function parsePage(args: { first?: number | null; after?: string | null }): Page {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new DomainException(
      ErrorCode.BAD_USER_INPUT,
      `"first" must be between 1 and ${MAX_PAGE_SIZE} (got ${first}); page through larger lists with "after".`,
      [{ field: 'first', message: `must be between 1 and ${MAX_PAGE_SIZE}` }],
    );
  }
  return { limit: first, after: args.after ? decodeCursor(args.after) : null };
}

export function encodeCursor(row: { createdAt: Date; id: string }): string {
  // "<epoch milliseconds>|<uuid>": ASCII, so latin1 gives the same bytes as UTF-8 in half the time; a number, because
  // printing an ISO instant cost more than the rest of the cursor (a list of 20 spent 4-6% of the api's CPU on it).
  return Buffer.from(`${row.createdAt.getTime()}|${row.id}`, 'latin1').toString('base64url');
}

export function decodeCursor(cursor: string): Cursor {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  // Cursors handed out before the epoch form carry an ISO instant; they stay valid.
  const createdAt = new Date(at && /^-?\d{1,15}$/.test(at) ? Number(at) : (at ?? ''));
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw new DomainException(ErrorCode.BAD_USER_INPUT, 'The "after" cursor is not valid; use an endCursor returned by this list.', [
      { field: 'after', message: 'not a cursor returned by this list' },
    ]);
  }
  return { createdAt, id };
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Builds a connection from up to `limit + 1` rows fetched in cursor order (the extra row says there is a next page). */
export function toConnection<R extends { createdAt: Date; id: string }, T>(
  rows: readonly R[],
  page: Page,
  map: (row: R) => T,
): Connection<T> {
  const visible = rows.slice(0, page.limit);
  const edges = visible.map((row) => ({ cursor: encodeCursor(row), node: map(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > page.limit, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** `@ObjectType() class JobOrderConnection extends Connected(JobOrder) {}` gives edges { cursor node } and pageInfo. */
export function Connected<T>(node: Type<T>): Type<Connection<T>> {
  @ObjectType(`${node.name}Edge`)
  class EdgeType {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType({ isAbstract: true })
  class ConnectionType {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionType as Type<Connection<T>>;
}
