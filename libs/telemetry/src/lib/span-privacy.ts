import { SpanKind } from '@opentelemetry/api';
import type { Attributes, AttributeValue } from '@opentelemetry/api';
import type { ReadableSpan, SpanExporter, TimedEvent } from '@opentelemetry/sdk-trace-node';
import { maskMessage } from '@puente/config';

/**
 * What a span may not carry out of the process, whatever an instrumentation records: the same promise the logs
 * make (no personal data, no query values). The instrumentations are configured not to record values in the first
 * place (telemetry.ts); this is the second line, applied to every span on its way to the exporter.
 */

/** URL attributes: the path is kept, the query string dropped (a GraphQL GET carries its variables there, a link its token). */
const URL_ATTRIBUTES = new Set(['http.url', 'http.target', 'url.full']);

/** Dropped outright: a query string on its own, and on a server span the caller's address. */
const QUERY_ATTRIBUTES = new Set(['url.query']);
const CALLER_ATTRIBUTES = new Set([
  'http.client_ip',
  'net.peer.ip',
  'net.peer.port',
  'net.sock.peer.addr',
  'net.sock.peer.port',
  'client.address',
  'client.port',
  'network.peer.address',
  'network.peer.port',
]);

/** SQL text: a literal written into a statement (rather than a parameter) is replaced. */
const SQL_ATTRIBUTES = new Set(['db.statement', 'db.query.text']);

/** Messages, which may quote a value (an invalid input, a duplicate key): masked as the logs mask them. */
const MESSAGE_ATTRIBUTES = new Set(['exception.message', 'exception.stacktrace', 'bullmq.job.failed.reason']);

/** A job's return value, which BullMQ records whole on its completion event. */
const DROPPED_EVENT_ATTRIBUTES = new Set(['bullmq.job.result']);

const withoutQuery = (v: string) => v.replace(/[?#].*$/s, '');

/** Replaces the string literals of SQL text ('…', with '' inside) and anything in it that looks like a contact or an identifier. */
export function maskSql(sql: string): string {
  return maskMessage(sql.replace(/'(?:[^']|'')*'/g, "'?'"), false);
}

function redactValue(key: string, value: AttributeValue | undefined): AttributeValue | undefined {
  if (typeof value !== 'string') return value;
  if (URL_ATTRIBUTES.has(key)) return withoutQuery(value);
  if (SQL_ATTRIBUTES.has(key)) return maskSql(value);
  if (MESSAGE_ATTRIBUTES.has(key)) return maskMessage(value, true);
  return value;
}

/** A span's attributes as they may leave the process. */
export function redactAttributes(attributes: Attributes, kind: SpanKind): Attributes {
  const out: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (QUERY_ATTRIBUTES.has(key) || DROPPED_EVENT_ATTRIBUTES.has(key)) continue;
    if (kind === SpanKind.SERVER && CALLER_ATTRIBUTES.has(key)) continue;
    out[key] = redactValue(key, value);
  }
  return out;
}

function redactEvent(event: TimedEvent): TimedEvent {
  return event.attributes ? { ...event, attributes: redactAttributes(event.attributes, SpanKind.INTERNAL) } : event;
}

/** A copy of a finished span with its attributes, events and status message redacted. */
export function redactSpan(span: ReadableSpan): ReadableSpan {
  return {
    name: span.name,
    kind: span.kind,
    spanContext: () => span.spanContext(),
    parentSpanContext: span.parentSpanContext,
    startTime: span.startTime,
    endTime: span.endTime,
    status: span.status.message === undefined ? span.status : { ...span.status, message: maskMessage(span.status.message, true) },
    attributes: redactAttributes(span.attributes, span.kind),
    links: span.links,
    events: span.events.map(redactEvent),
    duration: span.duration,
    ended: span.ended,
    resource: span.resource,
    instrumentationScope: span.instrumentationScope,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}

/** The exporter every span leaves through: the OTLP exporter, behind `redactSpan`. */
export class RedactingSpanExporter implements SpanExporter {
  constructor(private readonly inner: SpanExporter) {}

  export(spans: ReadableSpan[], resultCallback: Parameters<SpanExporter['export']>[1]): void {
    this.inner.export(spans.map(redactSpan), resultCallback);
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}
