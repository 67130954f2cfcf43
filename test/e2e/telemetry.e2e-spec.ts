import type { ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { Queue } from 'bullmq';
import { JOB_QUEUE, jobId, JobName } from '@puente/queue-contracts';
import { GqlClient, httpGql } from '../support/api';
import { OtlpReceiver, ReceivedSpan, SpanKinds } from '../support/otlp-receiver';
import { futureDate, newApplicant, newCoordinator } from '../support/people';
import { sleep, spawnApi, spawnWorker, until } from '../support/processes';

/** Queues of this test alone: its jobs run on its own traced worker, and nobody else's do. */
const QUEUE_PREFIX = `${process.env.QUEUE_PREFIX}-otel`;
const RECORD = `mutation TraceRecordDocument($i: RecordDocumentInput!) { recordDocument(input: $i) { id } }`;
/** Spans leave a process in batches; a short delay keeps the test short. */
const FAST_EXPORT = { OTEL_BSP_SCHEDULE_DELAY: '100' };

const digits = (n: number) => String(randomInt(10 ** (n - 1), 10 ** n));

/**
 * OpenTelemetry on real processes. With OTEL_EXPORTER_OTLP_ENDPOINT set, the api and the worker export to a collector
 * (here a stand-in that keeps what it receives) one trace per request that follows it into its job and the job's
 * queries, with no personal value anywhere in it. Without the variable, nothing is exported and jobs carry no trace.
 */
describe('traces over OTLP', () => {
  jest.setTimeout(120_000);
  const processes: ChildProcess[] = [];
  let receiver: OtlpReceiver;
  let api: GqlClient;
  let apiUrl: string;
  let queue: Queue;
  /** Every value sent that is a person's, or a secret: none may appear in any span. */
  const personal: string[] = [];

  const recordDocument = async (client: GqlClient, token: string, applicantId: string, number: string) => {
    const r = await client.gql(
      RECORD,
      {
        i: { applicantId, kind: 'POLICE_RECORD', number, issueDate: futureDate(-200), expiryDate: futureDate(120), issuingAuthority: 'Policía Nacional Civil' },
      },
      token,
    );
    expect(r.errors).toEqual([]);
    return r.data!.recordDocument.id as string;
  };
  const planJob = (applicantId: string, documentId: string) => queue.getJob(jobId(JobName.PlanDocumentWarnings, applicantId, 'document-recorded', documentId));

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
    const traced = { QUEUE_PREFIX, OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, ...FAST_EXPORT };
    const spawned = await spawnApi(traced);
    processes.push(spawned.child, await spawnWorker(traced));
    apiUrl = spawned.url;
    api = httpGql(apiUrl);
    queue = new Queue(JOB_QUEUE[JobName.PlanDocumentWarnings], { connection: { url: process.env.REDIS_URL! }, prefix: QUEUE_PREFIX });
  });

  afterAll(async () => {
    for (const p of processes) p.kill('SIGKILL');
    await queue?.close();
    await receiver?.close();
  });

  it("follows one request from the api's HTTP and GraphQL spans through its job to the worker and its queries", async () => {
    // Everything goes through the traced api: the administrator's and the coordinator's sign-ins, the registration.
    const coordinator = await newCoordinator(api);
    const names = { firstNames: 'Zoraida Evangelina', lastNames: 'Quintanilla Xochiquetzal' };
    const phone = `+5037${digits(7)}`;
    const passportNumber = `T${digits(8)}`;
    const applicant = await newApplicant(api, coordinator.token, { ...names, phone, passportNumber });
    const documentNumber = `PNC${digits(8)}`;
    personal.push(
      process.env.PUENTE_ADMIN_PASSWORD!,
      coordinator.email,
      coordinator.password,
      coordinator.temporaryPassword,
      coordinator.token,
      ...names.firstNames.split(' '),
      ...names.lastNames.split(' '),
      phone,
      phone.slice(4),
      passportNumber,
      applicant.nationalId,
      applicant.nationalId.replace('-', ''),
      applicant.password,
      applicant.token,
      documentNumber,
    );
    const documentId = await recordDocument(api, coordinator.token, applicant.id, documentNumber);
    // Values written into a document rather than sent as variables, over POST and in a GET's query string.
    const lookup = `query TraceLookup { applicants(first: 1, filter: { nationalId: "${applicant.nationalId}" }) { edges { node { id } } } }`;
    expect((await api.gql(lookup, {}, coordinator.token)).data!.applicants.edges).toHaveLength(1);
    await fetch(`${apiUrl}/graphql?query=${encodeURIComponent(lookup)}`, { headers: { authorization: `Bearer ${coordinator.token}`, 'apollo-require-preflight': 'true' } });

    // The api's GraphQL span of that operation names its trace.
    const operation = () =>
      receiver.spans.find((s) => s.service === 'puente-api' && s.scope.includes('graphql') && Object.values(s.attributes).includes('TraceRecordDocument'));
    const inTrace = (traceId: string) => receiver.spans.filter((s) => s.traceId === traceId);
    const jobSpan = (spans: ReceivedSpan[]) => spans.find((s) => s.service === 'puente-worker' && s.kind === SpanKinds.CONSUMER);
    let trace: ReceivedSpan[] = [];
    await until(
      "the worker's job span and its queries in the request's trace",
      async () => {
        const op = operation();
        if (!op) return false;
        trace = inTrace(op.traceId);
        const job = jobSpan(trace);
        return Boolean(job && trace.some((s) => s.service === 'puente-worker' && s.scope.includes('pg') && s.parentSpanId));
      },
      60_000,
    ).catch((error: Error) => {
      const seen = receiver.spans.map((s) => `${s.service} ${s.scope} ${s.kind} ${s.name} ${s.traceId.slice(0, 8)}`);
      throw new Error(`${error.message}; spans received:\n${[...new Set(seen)].slice(0, 80).join('\n')}`);
    });

    const byId = new Map(trace.map((s) => [s.spanId, s]));
    /** The chain from a span up to its trace's root, as far as the spans received go. */
    const ancestors = (span: ReceivedSpan): ReceivedSpan[] => {
      const chain: ReceivedSpan[] = [];
      for (let p = byId.get(span.parentSpanId); p; p = byId.get(p.parentSpanId)) chain.push(p);
      return chain;
    };

    // The api: the HTTP server span at the root, the GraphQL operation beneath it.
    const server = trace.find((s) => s.service === 'puente-api' && s.kind === SpanKinds.SERVER && s.scope.includes('http'));
    expect(server).toBeDefined();
    expect(server!.parentSpanId).toBe('');
    expect(ancestors(operation()!)).toContain(server);

    // BullMQ's produce span, in the api, within the request.
    const produce = trace.find((s) => s.service === 'puente-api' && s.kind === SpanKinds.PRODUCER);
    expect(produce).toMatchObject({ scope: 'bullmq', attributes: expect.objectContaining({ 'bullmq.queue.name': JOB_QUEUE[JobName.PlanDocumentWarnings] }) });
    expect(ancestors(produce!)).toContain(server);

    // The worker's job span continues the producer's, and a PostgreSQL query runs inside it.
    const job = jobSpan(trace)!;
    expect(job.name).toBe(`process ${JOB_QUEUE[JobName.PlanDocumentWarnings]}`);
    expect(ancestors(job)).toEqual(expect.arrayContaining([produce, server]));
    const queries = trace.filter((s) => s.service === 'puente-worker' && s.scope.includes('pg') && ancestors(s).includes(job));
    expect(queries.length).toBeGreaterThan(0);
    expect(queries.some((q) => typeof q.attributes['db.statement'] === 'string' || typeof q.attributes['db.query.text'] === 'string')).toBe(true);

    // The job carried the trace context across Redis.
    expect((await planJob(applicant.id, documentId))?.opts.telemetry?.metadata).toEqual(expect.any(String));

    // No personal value or secret in any span of either process: attributes, events or status.
    await sleep(500);
    expect(receiver.refused).toEqual([]);
    const exported = JSON.stringify(receiver.spans.map((s) => [s.name, s.attributes, s.events, s.status]));
    const leaked = personal.filter((value) => exported.toLowerCase().includes(value.toLowerCase()));
    expect(leaked).toEqual([]);
    const get = receiver.spans.find((s) => s.service === 'puente-api' && s.kind === SpanKinds.SERVER && s.attributes['http.request.method'] === 'GET');
    expect(get?.attributes).toMatchObject({ 'url.path': '/graphql' });
    expect(get?.attributes).not.toHaveProperty('url.query');
    // Nor the caller's address, nor a header.
    expect(server!.attributes).not.toHaveProperty('net.peer.ip');
    expect(server!.attributes).not.toHaveProperty('client.address');
    expect(Object.keys(server!.attributes).filter((k) => k.startsWith('http.request.header'))).toEqual([]);
  });

  it('exports nothing and carries no trace in jobs without OTEL_EXPORTER_OTLP_ENDPOINT', async () => {
    // A variable the SDK itself would read, had it started: the api must not start it.
    const untraced = await OtlpReceiver.start();
    try {
      const spawned = await spawnApi({ QUEUE_PREFIX, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${untraced.url}/v1/traces`, ...FAST_EXPORT });
      processes.push(spawned.child);
      const plain = httpGql(spawned.url);
      const coordinator = await newCoordinator(plain);
      const applicant = await newApplicant(plain, coordinator.token);
      const documentId = await recordDocument(plain, coordinator.token, applicant.id, `PNC${digits(8)}`);
      await until('the job to be queued', async () => Boolean(await planJob(applicant.id, documentId)));
      expect((await planJob(applicant.id, documentId))!.opts.telemetry).toBeUndefined();
      await sleep(1000);
      expect(untraced.spans).toEqual([]);
      expect(untraced.refused).toEqual([]);
    } finally {
      await untraced.close();
    }
  });
});
