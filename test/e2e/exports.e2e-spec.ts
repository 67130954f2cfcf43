import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { todayIso } from '@puente/common';
import { signExportLink } from '@puente/domain/exports';
import { parseCsv } from '@puente/testing';
import { clockShiftedQueues, codesOf, startApi, startWorker, TestApi } from '../support/api';
import { adminToken, newApplicant, newConsul, newCoordinator, newEmployer, newJobOrder } from '../support/people';
import { until } from '../support/processes';

const REQUEST = `mutation($i: RequestExportInput!) { requestExport(input: $i) { id kind format language status filterFields rowCount downloadUrl error } }`;
const EXPORT = `query($id: ID!) { export(id: $id) { id status rowCount requestedAt completedAt expiresAt downloadUrl error } }`;
const MINE = `{ myExports(first: 100) { edges { node { id status } } } }`;

type ExportResult = { id: string; status: string; rowCount: number | null; downloadUrl: string | null; error: string | null; expiresAt: string | null };

/**
 * Exports as a coordinator uses them, over HTTP with a real worker: ask for one, wait for the worker to build it,
 * follow the link to download it; a link that was tampered with, has expired or belongs to someone else opens
 * nothing, and no other role asks for an export or reads another's.
 */
describe('exports', () => {
  jest.setTimeout(120_000);
  let api: TestApi;
  let worker: INestApplicationContext;
  let coordinator: { id: string; token: string };
  let employer: { id: string; token: string };
  let applicant: { id: string; token: string; nationalId: string };
  let consul: string;
  let admin: string;

  const ok = async (query: string, variables: Record<string, unknown>, token: string) => {
    const r = await api.gql(query, variables, token);
    expect(r.errors).toEqual([]);
    return r.data!;
  };
  const requested = async (input: Record<string, unknown>, token = coordinator.token): Promise<ExportResult> => (await ok(REQUEST, { i: input }, token)).requestExport;
  const ready = async (id: string, token = coordinator.token): Promise<ExportResult> => {
    let last: ExportResult | null = null;
    await until(`export ${id} built`, async () => {
      last = (await ok(EXPORT, { id }, token)).export;
      return last!.status !== 'PENDING';
    });
    return last!;
  };
  const get = (path: string) => fetch(`${api.url}${path}`);

  beforeAll(async () => {
    // Queues of its own: its worker builds this suite's exports, and nobody else's jobs (the midnight check moves its clock).
    api = await startApi(clockShiftedQueues('exports'));
    worker = await startWorker(clockShiftedQueues('exports'));
    const c = await newCoordinator(api);
    coordinator = { id: c.id, token: c.token };
    employer = await newEmployer(api, coordinator.token);
    applicant = await newApplicant(api, coordinator.token, { firstNames: 'Ana Lucía', lastNames: '=Peña' });
    consul = (await newConsul(api)).token;
    admin = await adminToken(api);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('builds what a coordinator asks for in the worker, and the link downloads it as an attachment', async () => {
    const asked = await requested({ kind: 'APPLICANTS', format: 'XLSX', language: 'ES', applicants: { nationalId: applicant.nationalId } });
    expect(asked).toMatchObject({ kind: 'APPLICANTS', format: 'XLSX', language: 'ES', status: 'PENDING', filterFields: ['nationalId'], rowCount: null, downloadUrl: null });
    const built = await ready(asked.id);
    expect(built).toMatchObject({ status: 'READY', rowCount: 1, error: null });
    expect(built.downloadUrl).toMatch(new RegExp(`^/exports/${asked.id}/file\\?token=[A-Za-z0-9_%.-]+$`));
    expect(new Date(built.expiresAt!).getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);

    const res = await get(built.downloadUrl!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="puente-applicants-${todayIso()}.xlsx"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Solicitantes');
    expect(sheet.getRow(1).getCell(2).value).toBe('DUI');
    expect(sheet.getRow(2).getCell(1).value).toBe(applicant.id);
    expect(sheet.getRow(2).getCell(2).value).toBe(applicant.nationalId);
    // Text in a workbook is never a formula.
    expect(sheet.getRow(2).getCell(4).value).toBe('=Peña');
    expect(sheet.rowCount).toBe(2);

    // The coordinator's list has it; the same link works again within its 15 minutes.
    expect((await ok(MINE, {}, coordinator.token)).myExports.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(asked.id);
    expect((await get(built.downloadUrl!)).status).toBe(200);
  });

  it('writes CSV in English with the list query\'s own filter, a formula typed into a field defused', async () => {
    const order = await newJobOrder(api, employer.token, { workCity: '=HYPERLINK("http://evil.example")' });
    const asked = await requested({ kind: 'JOB_ORDERS', format: 'CSV', language: 'EN', jobOrders: { employerId: employer.id } });
    const built = await ready(asked.id);
    expect(built).toMatchObject({ status: 'READY', rowCount: 1 });
    const res = await get(built.downloadUrl!);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="puente-job-orders-${todayIso()}.csv"`);
    const { bom, rows } = parseCsv(Buffer.from(await res.arrayBuffer()).toString('utf8'));
    expect(bom).toBe(true);
    const [header, row] = rows;
    expect(header).toEqual(expect.arrayContaining(['Reference', 'Employer', 'Job title', 'Hourly wage', 'Housing provided']));
    expect(row![0]).toBe(order);
    expect(row![header!.indexOf('City')]).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(row![header!.indexOf('Hourly wage')]).toBe('16.1');
    expect(row![header!.indexOf('Housing provided')]).toBe('Yes');
  });

  it('refuses a tampered, expired, foreign or missing link with 403, and an expired file with 404, saying nothing more', async () => {
    const built = await ready((await requested({ kind: 'CONTINGENTS', format: 'CSV', language: 'EN' })).id);
    const other = await ready((await requested({ kind: 'CONTINGENTS', format: 'XLSX', language: 'EN' })).id);
    const token = decodeURIComponent(built.downloadUrl!.split('token=')[1]!);
    const [payload, signature] = token.split('.') as [string, string];
    const refused = async (path: string, status: number) => {
      const res = await get(path);
      expect(res.status).toBe(status);
      expect(res.headers.get('content-disposition')).toBeNull();
      const body = await res.text();
      expect(body).not.toMatch(/signature|expired|tamper|secret|token|requester/i);
      return body;
    };
    // The first character: all six of its bits are the signature's (the last one has spare bits).
    const flipped = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    await refused(`/exports/${built.id}/file?token=${encodeURIComponent(`${payload}.${flipped}`)}`, 403);
    const later = Buffer.from(`${built.id}.${coordinator.id}.${Date.now() + 86_400_000}`).toString('base64url');
    await refused(`/exports/${built.id}/file?token=${encodeURIComponent(`${later}.${signature}`)}`, 403);
    const expired = signExportLink({ exportId: built.id, userId: coordinator.id, expiresAt: new Date(Date.now() - 1_000) }, process.env.EXPORT_LINK_SECRET!);
    await refused(`/exports/${built.id}/file?token=${encodeURIComponent(expired)}`, 403);
    await refused(`/exports/${other.id}/file?token=${encodeURIComponent(token)}`, 403);
    await refused(`/exports/${built.id}/file`, 403);
    await refused(`/exports/${randomUUID()}/file?token=${encodeURIComponent(token)}`, 403);
    // The file's 24 hours over (only SQL moves an expiry into the past): the link is valid, the file is gone.
    await api.app.get(DataSource).query(`UPDATE data_export SET expires_at = now() - interval '1 second' WHERE id = $1`, [built.id]);
    await refused(built.downloadUrl!, 404);
    expect((await ok(EXPORT, { id: built.id }, coordinator.token)).export.downloadUrl).toBeNull();
  });

  it('lets no employer, applicant or consul ask for an export, nor anyone read another\'s', async () => {
    const mine = await requested({ kind: 'EMPLOYERS', format: 'CSV', language: 'ES', employers: { country: 'CA' } });
    for (const token of [employer.token, applicant.token, consul]) {
      expect(codesOf(await api.gql(REQUEST, { i: { kind: 'EMPLOYERS', format: 'CSV', language: 'ES' } }, token))).toEqual(['FORBIDDEN']);
    }
    const otherCoordinator = (await newCoordinator(api)).token;
    for (const token of [employer.token, applicant.token, consul, otherCoordinator, admin]) {
      expect(codesOf(await api.gql(EXPORT, { id: mine.id }, token))).toEqual(['NOT_FOUND']);
      expect((await ok(MINE, {}, token)).myExports.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(mine.id);
    }
    // Another kind's filter is refused, naming the field.
    const wrong = await api.gql(REQUEST, { i: { kind: 'EMPLOYERS', format: 'CSV', language: 'ES', applicants: { status: 'AVAILABLE' } } }, coordinator.token);
    expect(codesOf(wrong)).toEqual(['BAD_USER_INPUT']);
    expect(wrong.errors[0]!.extensions?.fields).toEqual([{ field: 'applicants', message: expect.stringContaining('employers') }]);
  });

  it('an administrator exports too; a link stops working once its user is deactivated', async () => {
    const c = await newCoordinator(api);
    const built = await ready((await requested({ kind: 'CONTINGENTS', format: 'CSV', language: 'ES' }, c.token)).id, c.token);
    expect((await get(built.downloadUrl!)).status).toBe(200);
    await ok(`mutation($i: DeactivateUserInput!) { deactivateUser(input: $i) { id } }`, { i: { userId: c.id, reason: 'Left the ministry this week.' } }, admin);
    expect((await get(built.downloadUrl!)).status).toBe(403);

    const adminExport = await ready((await requested({ kind: 'APPLICANTS', format: 'CSV', language: 'EN', applicants: { nationalId: applicant.nationalId } }, admin)).id, admin);
    expect(adminExport).toMatchObject({ status: 'READY', rowCount: 1 });
    expect((await get(adminExport.downloadUrl!)).status).toBe(200);
  });
});
