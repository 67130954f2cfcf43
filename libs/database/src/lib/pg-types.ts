import { types } from 'pg';

/** PostgreSQL's text output of a timestamptz in the ISO style: `2026-12-03 10:31:30.123456+00`, `…-06`, `…+05:30`. */
const ISO_TIMESTAMPTZ = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?)([+-]\d\d)(?::(\d\d))?$/;
const TIMESTAMPTZ = 1184;
const parseDefault = types.getTypeParser(TIMESTAMPTZ, 'text');

/**
 * A timestamptz as a Date, read by V8's own ISO parser (milliseconds kept, microseconds dropped, as pg's parser
 * does): pg's parser (postgres-date) cost 3% of the api's CPU under bench:api's list, which reads two per row.
 * Anything else (a year past 9999, BC, infinity, an offset in seconds) goes to pg's parser.
 */
export function parseTimestamptz(text: string): Date {
  const m = ISO_TIMESTAMPTZ.exec(text);
  return m ? new Date(`${m[1]}T${m[2]}${m[3]}:${m[4] ?? '00'}`) : (parseDefault(text) as Date);
}

/** The type parsers of Puente's connections: pg's, but for timestamptz. */
export const PG_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMPTZ && format !== 'binary' ? parseTimestamptz : types.getTypeParser(oid, format)) as typeof types.getTypeParser,
};
