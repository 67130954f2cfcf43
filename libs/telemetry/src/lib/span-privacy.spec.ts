import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-node';
import { maskSql, redactAttributes, redactSpan, RedactingSpanExporter } from './span-privacy';

const span = (overrides: Partial<ReadableSpan>): ReadableSpan =>
  ({
    name: 'span',
    kind: SpanKind.INTERNAL,
    spanContext: () => ({ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: 1 }),
    startTime: [0, 0],
    endTime: [0, 1],
    status: { code: SpanStatusCode.UNSET },
    attributes: {},
    links: [],
    events: [],
    duration: [0, 1],
    ended: true,
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
    ...overrides,
  }) as ReadableSpan;

describe('what a span may carry out of the process', () => {
  it('keeps the path of a URL, never its query string', () => {
    const attributes = redactAttributes(
      {
        'url.path': '/graphql',
        'url.query': 'query=%7B+applicants(filter%3A%7BnationalId%3A%2201234567-8%22%7D)',
        'url.full': 'http://puente.example.gov/exports/9f1c/download?token=abc.def',
        'http.target': '/graphql?variables=%7B%22i%22%3A%7B%22email%22%3A%22ana%40example.sv%22%7D%7D',
        'http.url': 'http://puente.example.gov/feeds/job-orders.rss?lang=en#top',
      },
      SpanKind.SERVER,
    );
    expect(attributes).toEqual({
      'url.path': '/graphql',
      'url.full': 'http://puente.example.gov/exports/9f1c/download',
      'http.target': '/graphql',
      'http.url': 'http://puente.example.gov/feeds/job-orders.rss',
    });
  });

  it("drops the caller's address from a server span, and keeps a client span's server", () => {
    const address = { 'client.address': '203.0.113.7', 'network.peer.address': '203.0.113.7', 'net.peer.ip': '203.0.113.7', 'http.client_ip': '198.51.100.2' };
    expect(redactAttributes({ ...address, 'http.response.status_code': 200 }, SpanKind.SERVER)).toEqual({ 'http.response.status_code': 200 });
    expect(redactAttributes({ 'network.peer.address': '10.0.0.5', 'server.address': '10.0.0.5' }, SpanKind.CLIENT)).toEqual({
      'network.peer.address': '10.0.0.5',
      'server.address': '10.0.0.5',
    });
  });

  it('replaces literals written into SQL text, parameters untouched', () => {
    expect(maskSql(`SELECT id FROM applicant WHERE first_names = 'Zoraida O''Brien' AND id = $1`)).toBe(`SELECT id FROM applicant WHERE first_names = '?' AND id = $1`);
    expect(maskSql(`SELECT to_char(d, 'YYYY-MM-DD') FROM t`)).toBe(`SELECT to_char(d, '?') FROM t`);
    expect(redactAttributes({ 'db.query.text': `UPDATE app_user SET email = 'ana@example.sv'`, 'db.statement': `SELECT 'x'` }, SpanKind.CLIENT)).toEqual({
      'db.query.text': `UPDATE app_user SET email = '?'`,
      'db.statement': `SELECT '?'`,
    });
  });

  it('masks values quoted in error messages and stacks, as the logs do, and drops a job result', () => {
    const redacted = redactSpan(
      span({
        status: { code: SpanStatusCode.ERROR, message: 'duplicate key value violates unique constraint: Key (email)=(ana@example.sv) already exists.' },
        events: [
          {
            name: 'exception',
            time: [0, 0],
            attributes: {
              'exception.type': 'QueryFailedError',
              'exception.message': 'invalid input syntax for type uuid: "A12345678"',
              'exception.stacktrace': 'QueryFailedError: invalid input syntax for type uuid: "A12345678"\n    at x (y.js:1:1)',
            },
          },
          { name: 'job completed', time: [0, 0], attributes: { 'bullmq.job.result': '{"email":"ana@example.sv"}' } },
          { name: 'job failed', time: [0, 0], attributes: { 'bullmq.job.failed.reason': 'No applicant with phone +503 7123 4567' } },
        ],
      }),
    );
    const text = JSON.stringify([redacted.status, redacted.events]);
    for (const value of ['ana@example.sv', 'A12345678', '7123 4567']) expect(text).not.toContain(value);
    expect(redacted.events.map((e) => e.name)).toEqual(['exception', 'job completed', 'job failed']);
    expect(redacted.events[0]!.attributes).toMatchObject({ 'exception.type': 'QueryFailedError', 'exception.message': 'invalid input syntax for type uuid: [redacted]' });
    expect(redacted.events[1]!.attributes).toEqual({});
    expect(redacted.spanContext().spanId).toBe('b7ad6b7169203331');
  });

  it('sends every span through the redaction on its way to the exporter', async () => {
    const sent: ReadableSpan[][] = [];
    const inner: SpanExporter = { export: (spans, done) => (sent.push(spans), done({ code: 0 })), shutdown: async () => undefined };
    const exporter = new RedactingSpanExporter(inner);
    const result = await new Promise((resolve) => exporter.export([span({ kind: SpanKind.SERVER, attributes: { 'url.query': 'a=1', 'client.address': '203.0.113.7' } })], resolve));
    expect(result).toEqual({ code: 0 });
    expect(sent[0]![0]!.attributes).toEqual({});
    await expect(exporter.forceFlush()).resolves.toBeUndefined();
  });
});
