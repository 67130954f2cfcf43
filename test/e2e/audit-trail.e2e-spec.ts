import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLInputType, getNamedType, getNullableType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType, isScalarType } from 'graphql';
import { codesOf, GqlResult, startApi, TestApi, wsRequest } from '../support/api';
import { adminToken, applicantInput, newApplicant, newCoordinator } from '../support/people';

/** A syntactically valid value for any input type, built from the schema itself (as the schema guard does). */
function sample(type: GraphQLInputType): string {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return `[${sample(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return `{ ${required.map((f) => `${f.name}: ${sample(f.type)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    const samples: Record<string, string> = { Int: '1', Float: '1.5', Boolean: 'true', ID: `"${randomUUID()}"`, LocalDate: '"2030-01-01"' };
    return samples[type.name] ?? '"x"';
  }
  throw new Error(`no sample for ${String(type)}`);
}

// Response trees are read freely, as in test/support/api.ts; their shapes are the schema's.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = Record<string, any>;

interface AuditRow {
  actor_user_id: string | null;
  actor_role: string;
  action: string;
  operation: string | null;
  entity: string | null;
  target_ids: string[];
  outcome: string;
  ip: string | null;
  request_id: string;
}

describe('audit trail', () => {
  let api: TestApi;
  let db: DataSource;
  let coordinator: { id: string; token: string };
  let admin: string;

  /** One GraphQL call with a request id of our own, so its audit rows can be found. */
  async function call(query: string, variables: Record<string, unknown>, token?: string): Promise<GqlResult<Data> & { requestId: string }> {
    const requestId = randomUUID();
    const req = request(api.app.getHttpServer()).post('/graphql').set('content-type', 'application/json').set('x-request-id', requestId);
    if (token) req.set('authorization', `Bearer ${token}`);
    const res = await req.send({ query, variables });
    return { status: res.status, data: res.body?.data ?? null, errors: res.body?.errors ?? [], requestId };
  }
  const rowsOf = (requestId: string): Promise<AuditRow[]> =>
    db.query(`SELECT actor_user_id, actor_role, action, operation, entity, target_ids, outcome, ip, request_id FROM audit_event WHERE request_id = $1 ORDER BY created_at, id`, [requestId]);

  beforeAll(async () => {
    api = await startApi();
    db = api.app.get(DataSource);
    coordinator = await newCoordinator(api);
    admin = await adminToken(api);
  });
  afterAll(() => api.close());

  it.each(['ANONYMOUS', 'COORDINATOR'] as const)('every mutation of the schema, called as %s, leaves a record with its outcome', async (who) => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const fields = Object.values(schema.getMutationType()!.getFields());
    const token = who === 'ANONYMOUS' ? undefined : coordinator.token;
    const missing: string[] = [];
    for (const field of fields) {
      const args = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
      const argList = args.length ? `(${args.map((a) => `${a.name}: ${sample(a.type)}`).join(', ')})` : '';
      const selection = isLeafType(getNullableType(getNamedType(field.type))) ? '' : '{ __typename }';
      const result = await call(`mutation { ${field.name}${argList} ${selection} }`, {}, token);
      const rows = (await rowsOf(result.requestId)).filter((r) => r.action === 'mutation');
      const expected = codesOf(result)[0] ?? 'SUCCESS';
      const got = rows.map((r) => ({ operation: r.operation, outcome: r.outcome, role: r.actor_role, user: r.actor_user_id }));
      const want = [{ operation: field.name, outcome: expected, role: who, user: who === 'ANONYMOUS' ? null : coordinator.id }];
      if (JSON.stringify(got) !== JSON.stringify(want)) missing.push(`${field.name}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
    }
    expect(fields.length).toBeGreaterThanOrEqual(30);
    expect(missing).toEqual([]);
  });

  it('records a successful office operation twice: the request (who, from where, targets) and its in-transaction line', async () => {
    const applicant = await newApplicant(api, coordinator.token);
    const r = await call(`mutation($i: UpdateApplicantInput!) { updateApplicant(input: $i) { id } }`, { i: { id: applicant.id, phone: '+50379998877' } }, coordinator.token);
    expect(codesOf(r)).toEqual([]);
    const rows = await rowsOf(r.requestId);
    expect(rows.map((x) => [x.action, x.operation, x.outcome])).toEqual(
      expect.arrayContaining([
        ['update-applicant', null, 'SUCCESS'],
        ['mutation', 'updateApplicant', 'SUCCESS'],
      ]),
    );
    const envelope = rows.find((x) => x.action === 'mutation')!;
    expect(envelope).toMatchObject({ actor_user_id: coordinator.id, actor_role: 'COORDINATOR', target_ids: [applicant.id] });
    expect(envelope.ip).toMatch(/127\.0\.0\.1/);
  });

  it('records a failed mutation with the error code the caller received, and its target', async () => {
    const missingId = randomUUID();
    const r = await call(`mutation($id: ID!) { verifyApplicant(id: $id) { id } }`, { id: missingId }, coordinator.token);
    expect(codesOf(r)).toEqual(['NOT_FOUND']);
    expect(await rowsOf(r.requestId)).toEqual([expect.objectContaining({ operation: 'verifyApplicant', outcome: 'NOT_FOUND', target_ids: [missingId] })]);

    const bad = await call(`mutation($i: RegisterApplicantInput!) { registerApplicant(input: $i) { applicant { id } } }`, { i: applicantInput({ nationalId: '12345678-0' }) }, coordinator.token);
    expect(codesOf(bad)).toEqual(['BAD_USER_INPUT']);
    expect((await rowsOf(bad.requestId)).map((x) => x.outcome)).toEqual(['BAD_USER_INPUT']);

    // Refused before anything runs (a control character), and variables that do not coerce: recorded all the same.
    const nul = await call(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { identifier: 'x\u0000y', password: 'whatever-passphrase' } });
    expect(codesOf(nul)).toEqual(['BAD_USER_INPUT']);
    expect((await rowsOf(nul.requestId)).map((x) => [x.operation, x.outcome])).toEqual([['login', 'BAD_USER_INPUT']]);
    const uncoerced = await call(`mutation($id: ID!) { verifyApplicant(id: $id) { id } }`, { id: { not: 'an id' } }, coordinator.token);
    expect(codesOf(uncoerced)).toHaveLength(1);
    expect((await rowsOf(uncoerced.requestId)).map((x) => [x.operation, x.outcome])).toEqual([['verifyApplicant', codesOf(uncoerced)[0]]]);
  });

  it('records who signed in, and a refused sign-in as anonymous', async () => {
    const ok = await call(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { identifier: process.env.PUENTE_ADMIN_EMAIL!, password: process.env.PUENTE_ADMIN_PASSWORD! } });
    expect(codesOf(ok)).toEqual([]);
    const [row] = await rowsOf(ok.requestId);
    expect(row).toMatchObject({ operation: 'login', outcome: 'SUCCESS', actor_role: 'ADMIN' });
    expect(row!.actor_user_id).toMatch(/^[0-9a-f-]{36}$/);

    const refused = await call(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { identifier: process.env.PUENTE_ADMIN_EMAIL!, password: 'not-the-password-at-all' } });
    expect(codesOf(refused)).toEqual(['UNAUTHENTICATED']);
    expect(await rowsOf(refused.requestId)).toEqual([expect.objectContaining({ operation: 'login', outcome: 'UNAUTHENTICATED', actor_role: 'ANONYMOUS', actor_user_id: null })]);
  });

  it('records a coordinator reading an applicant, and the ids a list returned; not an applicant reading themself', async () => {
    const applicant = await newApplicant(api, coordinator.token);
    const one = await call(`query($id: ID!) { applicant(id: $id) { id nationalId } }`, { id: applicant.id }, coordinator.token);
    expect(one.data!.applicant.id).toBe(applicant.id);
    expect(await rowsOf(one.requestId)).toEqual([
      expect.objectContaining({ action: 'read', operation: 'applicant', entity: 'applicant', outcome: 'SUCCESS', actor_user_id: coordinator.id, target_ids: [applicant.id] }),
    ]);

    await newApplicant(api, coordinator.token);
    const list = await call(`{ applicants(first: 2) { edges { node { firstNames } } } }`, {}, coordinator.token);
    expect(list.data!.applicants.edges).toHaveLength(2);
    const [listRow] = await rowsOf(list.requestId);
    expect(listRow).toMatchObject({ action: 'read', operation: 'applicants', outcome: 'SUCCESS' });
    expect(listRow!.target_ids).toHaveLength(2);

    const missing = randomUUID();
    const notFound = await call(`query($id: ID!) { applicant(id: $id) { id } }`, { id: missing }, coordinator.token);
    expect(codesOf(notFound)).toEqual(['NOT_FOUND']);
    expect(await rowsOf(notFound.requestId)).toEqual([expect.objectContaining({ operation: 'applicant', outcome: 'NOT_FOUND', target_ids: [missing] })]);

    const own = await call(`query($id: ID!) { applicant(id: $id) { id } }`, { id: applicant.id }, applicant.token);
    expect(own.data!.applicant.id).toBe(applicant.id);
    expect(await rowsOf(own.requestId)).toEqual([]);
  });

  it('refuses a staff read whose record cannot be written, and answers no personal data', async () => {
    const applicant = await newApplicant(api, coordinator.token);
    await db.query(`ALTER TABLE audit_event ADD CONSTRAINT audit_test_no_reads CHECK (action <> 'read') NOT VALID`);
    try {
      const refused = await call(`query($id: ID!) { applicant(id: $id) { id nationalId } }`, { id: applicant.id }, coordinator.token);
      expect(refused.data).toBeNull();
      expect(codesOf(refused)).toEqual(['INTERNAL_SERVER_ERROR']);
    } finally {
      await db.query(`ALTER TABLE audit_event DROP CONSTRAINT audit_test_no_reads`);
    }
    const read = await call(`query($id: ID!) { applicant(id: $id) { id } }`, { id: applicant.id }, coordinator.token);
    expect(read.data!.applicant.id).toBe(applicant.id);
  });

  it('records a staff read the guard refuses, with the code the caller received', async () => {
    // `applicants` is for coordinators: an administrator is staff, and refused.
    const refused = await call(`{ applicants(first: 2) { edges { node { id } } } }`, {}, admin);
    expect(codesOf(refused)).toEqual(['FORBIDDEN']);
    expect(await rowsOf(refused.requestId)).toEqual([expect.objectContaining({ action: 'read', operation: 'applicants', actor_role: 'ADMIN', outcome: 'FORBIDDEN', target_ids: [] })]);
  });

  it("records staff reading an applicant's file beyond the profile: placements, rehire decision, travel steps", async () => {
    const applicant = await newApplicant(api, coordinator.token);
    for (const query of [
      `query($id: ID!) { placementHistory(applicantId: $id) { placementId } }`,
      `query($id: ID!) { rehireEligibility(applicantId: $id) { outcome } }`,
      `query($id: ID!) { travelSteps(applicantId: $id) { kind } }`,
    ]) {
      const r = await call(query, { id: applicant.id }, coordinator.token);
      expect(r.errors).toEqual([]);
      expect(await rowsOf(r.requestId)).toEqual([expect.objectContaining({ action: 'read', outcome: 'SUCCESS', actor_user_id: coordinator.id, target_ids: [applicant.id] })]);
    }
  });

  it('records a staff read over WebSocket too', async () => {
    const applicant = await newApplicant(api, coordinator.token);
    const reads = async (): Promise<number> =>
      (await db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'read' AND actor_user_id = $1 AND target_ids @> ARRAY[$2::uuid]`, [coordinator.id, applicant.id]))[0].n;
    expect(await reads()).toBe(0);
    const r = await wsRequest(api.ws(coordinator.token), `query($id: ID!) { applicant(id: $id) { id lastNames } }`, { id: applicant.id });
    expect(r.errors ?? []).toEqual([]);
    expect(await reads()).toBe(1);
  });

  it('keeps no argument value: no DUI, name, phone, passport number or password appears in the table', async () => {
    const input = applicantInput({ firstNames: `Audit${randomUUID().slice(0, 8)}` });
    const reg = await call(
      `mutation($i: RegisterApplicantInput!) { registerApplicant(input: $i) { applicant { id } temporaryPassword } }`,
      { i: input },
      coordinator.token,
    );
    expect(codesOf(reg)).toEqual([]);
    const { temporaryPassword } = reg.data!.registerApplicant;
    const password = `audit-${randomUUID()}`;
    const login = await call(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { identifier: input.nationalId, password: temporaryPassword } });
    const change = await call(
      `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { accessToken } }`,
      { i: { currentPassword: temporaryPassword, newPassword: password } },
      login.data!.login.accessToken,
    );
    expect(codesOf(change)).toEqual([]);
    const wrong = await call(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { identifier: input.nationalId, password: `${password}-wrong` } });
    expect(codesOf(wrong)).toEqual(['UNAUTHENTICATED']);
    for (const r of [reg, login, change, wrong]) expect((await rowsOf(r.requestId)).length).toBeGreaterThan(0);

    const secrets = [input.nationalId, input.nationalId.replace('-', ''), input.firstNames, input.phone, input.passportNumber, temporaryPassword, password];
    const found: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM audit_event a, unnest($1::text[]) AS s(v) WHERE strpos(a::text, s.v) > 0`,
      [secrets],
    );
    expect(found[0]!.n).toBe(0);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the table, whoever asks', async () => {
    const r = await call(`mutation($id: ID!) { verifyApplicant(id: $id) { id } }`, { id: randomUUID() }, coordinator.token);
    const [row] = await rowsOf(r.requestId);
    expect(row).toBeDefined();
    await expect(db.query(`UPDATE audit_event SET outcome = 'SUCCESS' WHERE request_id = $1`, [r.requestId])).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM audit_event WHERE request_id = $1`, [r.requestId])).rejects.toThrow(/append-only/);
    // In a transaction rolled back either way, so a missing trigger could not empty the table under other tests.
    const runner = db.createQueryRunner();
    await runner.startTransaction();
    try {
      await expect(runner.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect(await rowsOf(r.requestId)).toEqual([row]);
  });

  describe('auditLog', () => {
    const q = `query($f: AuditLogFilterInput, $first: Int, $after: String) {
      auditLog(filter: $f, first: $first, after: $after) {
        edges { cursor node { id at userId role action operation entity entityId targetIds outcome ip requestId } }
        pageInfo { hasNextPage endCursor } } }`;

    it('shows administrators the records of one user, newest first, page by page', async () => {
      const someone = await newCoordinator(api);
      const ids = [randomUUID(), randomUUID(), randomUUID()];
      for (const id of ids) await call(`mutation($id: ID!) { verifyEmployer(id: $id) { id } }`, { id }, someone.token);

      const first = await api.gql(q, { f: { userId: someone.id, operation: 'verifyEmployer' }, first: 2 }, admin);
      expect(codesOf(first)).toEqual([]);
      const page1 = first.data!.auditLog;
      expect(page1.edges.map((e: { node: { targetIds: string[] } }) => e.node.targetIds[0])).toEqual([ids[2], ids[1]]);
      expect(page1.edges[0].node).toMatchObject({ userId: someone.id, role: 'COORDINATOR', action: 'mutation', outcome: 'NOT_FOUND' });
      expect(page1.pageInfo.hasNextPage).toBe(true);
      const second = await api.gql(q, { f: { userId: someone.id, operation: 'verifyEmployer' }, first: 2, after: page1.pageInfo.endCursor }, admin);
      expect(second.data!.auditLog.edges.map((e: { node: { targetIds: string[] } }) => e.node.targetIds[0])).toEqual([ids[0]]);
      expect(second.data!.auditLog.pageInfo.hasNextPage).toBe(false);

      const byTarget = await api.gql(q, { f: { entityId: ids[1] } }, admin);
      expect(byTarget.data!.auditLog.edges.map((e: { node: { userId: string } }) => e.node.userId)).toEqual([someone.id]);
      // The database's clock, not the test's (the midnight check moves the latter).
      const [{ inAnHour, anHourAgo }] = await db.query(`SELECT now() + interval '1 hour' AS "inAnHour", now() - interval '1 hour' AS "anHourAgo"`);
      const later = await api.gql(q, { f: { userId: someone.id, from: inAnHour.toISOString() } }, admin);
      expect(later.data!.auditLog.edges).toEqual([]);
      const window = await api.gql(q, { f: { userId: someone.id, operation: 'verifyEmployer', from: anHourAgo.toISOString(), to: inAnHour.toISOString() } }, admin);
      expect(window.data!.auditLog.edges).toHaveLength(3);
      expect(codesOf(await api.gql(q, { f: { from: inAnHour.toISOString(), to: anHourAgo.toISOString() } }, admin))).toEqual(['BAD_USER_INPUT']);
    });

    it('finds the in-transaction line of an office operation by its record, and refuses a malformed id', async () => {
      const applicant = await newApplicant(api, coordinator.token);
      await call(`mutation($i: UpdateApplicantInput!) { updateApplicant(input: $i) { id } }`, { i: { id: applicant.id, phone: '+50379998800' } }, coordinator.token);
      const r = await api.gql(q, { f: { entity: 'applicant', entityId: applicant.id, operation: 'update-applicant' } }, admin);
      expect(r.data!.auditLog.edges.map((e: { node: { action: string; entityId: string } }) => [e.node.action, e.node.entityId])).toEqual([['update-applicant', applicant.id]]);
      expect(codesOf(await api.gql(q, { f: { userId: 'not-an-id' } }, admin))).toEqual(['BAD_USER_INPUT']);
    });

    it('is for administrators only', async () => {
      expect(codesOf(await api.gql(q, {}, coordinator.token))).toEqual(['FORBIDDEN']);
      expect(codesOf(await api.gql(q, {}))).toEqual(['UNAUTHENTICATED']);
    });
  });
});
