import { randomInt, randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { UserEntity } from '@puente/auth';
import { Actor, ErrorCode, Role } from '@puente/common';
import { PuenteConfig } from '@puente/config';
import { ApplicantEntity, ApplicantIdentifiers } from '@puente/domain/applicants';
import { ReferenceService } from '@puente/domain/reference';
import { StatisticsService } from '@puente/domain/statistics';
import { JOB_QUEUE, jobId, JobName } from '@puente/queue-contracts';
import { bootTestModule, parseCsv, queueOf, TestFactories } from '@puente/testing';
import { signExportLink } from './export-link.rules';
import { ExportsModule } from './exports.module';
import { ExportDownload, ExportsService, ExportView, RequestExport } from './exports.service';

const codeOf = async (p: Promise<unknown>) => p.then(() => null, (e: { code?: string }) => e.code ?? String(e));

const APPLICANT_HEADERS = {
  ES: ['ID', 'DUI', 'Nombres', 'Apellidos', 'Fecha de nacimiento', 'Sexo', 'Departamento', 'Municipio', 'Teléfono', 'Correo electrónico', 'Ocupaciones (CIUO-08)', 'Habilidades', 'Idiomas', 'Años de experiencia', 'Escolaridad', 'Vencimiento del pasaporte', 'Estado', 'Verificado', 'Registrado'],
  EN: ['ID', 'DUI', 'First names', 'Last names', 'Date of birth', 'Sex', 'Department', 'Municipality', 'Phone', 'E-mail', 'Occupations (ISCO-08)', 'Skills', 'Languages', 'Years of experience', 'Education', 'Passport expiry', 'Status', 'Verified', 'Registered'],
};

/** Exports built against the real database and queues, and read back as a spreadsheet program would. */
describe('ExportsService', () => {
  jest.setTimeout(120_000);
  let app: INestApplicationContext;
  let make: TestFactories;
  let ds: DataSource;
  let exports: ExportsService;
  let coordinator: Actor;
  let secret: string;

  beforeAll(async () => {
    app = await bootTestModule(ExportsModule);
    make = new TestFactories(app);
    ds = app.get(DataSource);
    exports = app.get(ExportsService);
    coordinator = await make.coordinator();
    secret = app.get(PuenteConfig).exports.linkSecret;
  });
  afterAll(() => app?.close());

  /** Requests, builds (as the worker's job would) and reads the export again. */
  const built = async (actor: Actor, input: RequestExport, options: { pageSize?: number } = {}): Promise<ExportView> => {
    const requested = await exports.request(actor, input);
    expect(requested).toMatchObject({ status: 'PENDING', downloadUrl: null, rowCount: null });
    await exports.build(requested.id, options);
    return exports.findForActor(actor, requested.id);
  };

  /** The file through the download link the view hands out, as the route opens it. */
  const download = async (view: ExportView): Promise<ExportDownload & { bytes: Buffer }> => {
    expect(view.downloadUrl).toMatch(new RegExp(`^/exports/${view.id}/file\\?token=`));
    const token = decodeURIComponent(view.downloadUrl!.split('token=')[1]!);
    const file = await exports.openDownload(view.id, token);
    if (typeof file === 'string') throw new Error(`download refused: ${file}`);
    const chunks: Buffer[] = [];
    for await (const chunk of file.body) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    expect(bytes.length).toBe(file.byteSize);
    return { ...file, bytes };
  };

  const sheetsOf = async (bytes: Buffer) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    return book.worksheets.map((sheet) => ({
      name: sheet.name,
      sheet,
      rows: sheet.getSheetValues().slice(1).map((r) => (Array.isArray(r) ? r.slice(1) : [])) as unknown[][],
    }));
  };

  describe('applicants', () => {
    let municipality: { code: string; name: string };
    let inside: ApplicantEntity[];
    let outside: ApplicantEntity[];
    let dui: (a: ApplicantEntity) => string;

    beforeAll(async () => {
      // A municipality other suites leave alone (theirs is the default one), drawn anew each run.
      const ref = await app.get(ReferenceService).data();
      const candidates = [...ref.municipalities.values()].filter((m) => m.code !== 'SV-SA-NORTE');
      const m = candidates[randomInt(candidates.length)]!;
      municipality = { code: m.code, name: m.name };
      const other = candidates.find((c) => c.code !== m.code)!;
      inside = [
        await make.applicant({ municipalityCode: m.code, firstNames: 'Ana Lucía', lastNames: 'Peña, "la Niña"', yearsExperience: 7 }),
        await make.applicant({ municipalityCode: m.code, firstNames: 'Rosa', lastNames: 'Ábrego' }),
        await make.applicant({ municipalityCode: m.code, firstNames: 'Marta', lastNames: 'Ñúñez' }, { verified: false }),
      ];
      outside = [await make.applicant({ municipalityCode: m.code, gender: 'MALE', firstNames: 'José' }), await make.applicant({ municipalityCode: other.code })];
      const identifiers = app.get(ApplicantIdentifiers);
      dui = (a) => identifiers.nationalIdOf(a);
    });

    const filter = () => ({ municipalityCode: municipality.code, gender: 'FEMALE', occupation: '9213' });

    it('writes an Excel workbook in English: typed cells, the filter honoured, every applicant of the filter and no other', async () => {
      const view = await built(coordinator, { kind: 'APPLICANTS', format: 'XLSX', language: 'EN', applicants: filter() });
      expect(view).toMatchObject({ status: 'READY', filterFields: ['gender', 'municipalityCode', 'occupation'], error: null });
      const file = await download(view);
      expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(file.fileName).toMatch(/^puente-applicants-\d{4}-\d{2}-\d{2}\.xlsx$/);
      const [sheet, ...more] = await sheetsOf(file.bytes);
      expect(more).toEqual([]);
      expect(sheet!.name).toBe('Applicants');
      expect(sheet!.sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const [header, ...rows] = sheet!.rows;
      expect(header).toEqual(APPLICANT_HEADERS.EN);
      expect(rows).toHaveLength(view.rowCount!);
      const col = (name: string) => APPLICANT_HEADERS.EN.indexOf(name);
      const duis = rows.map((r) => r[col('DUI')]);
      expect(duis).toEqual(expect.arrayContaining(inside.map(dui)));
      for (const a of outside) expect(duis).not.toContain(dui(a));
      // Whatever else matches (other suites' applicants), every row is of the filter.
      for (const r of rows) {
        expect(r[col('Sex')]).toBe('FEMALE');
        expect(r[col('Municipality')]).toBe(municipality.name);
        expect(String(r[col('Occupations (ISCO-08)')])).toContain('9213');
      }
      const ana = rows.find((r) => r[col('DUI')] === dui(inside[0]!))!;
      expect(ana[col('Last names')]).toBe('Peña, "la Niña"');
      expect(ana[col('Years of experience')]).toBe(7);
      expect(ana[col('Date of birth')]).toEqual(new Date('1994-05-12T00:00:00Z'));
      expect(ana[col('Status')]).toBe('AVAILABLE');
      expect(ana[col('Verified')]).toBeInstanceOf(Date);
      expect(rows.find((r) => r[col('DUI')] === dui(inside[2]!))![col('Verified')]).toBeUndefined();
    });

    it('writes the same rows as CSV in Spanish: BOM, RFC 4180, yes the accents', async () => {
      const xlsx = await built(coordinator, { kind: 'APPLICANTS', format: 'XLSX', language: 'ES', applicants: filter() });
      const csv = await built(coordinator, { kind: 'APPLICANTS', format: 'CSV', language: 'ES', applicants: filter() });
      const file = await download(csv);
      expect(file.contentType).toBe('text/csv; charset=utf-8');
      expect(file.fileName).toMatch(/^puente-applicants-\d{4}-\d{2}-\d{2}\.csv$/);
      const { bom, rows: [header, ...rows] } = parseCsv(file.bytes.toString('utf8'));
      expect(bom).toBe(true);
      expect(header).toEqual(APPLICANT_HEADERS.ES);
      expect(rows).toHaveLength(csv.rowCount!);
      const [sheet] = await sheetsOf((await download(xlsx)).bytes);
      expect(sheet!.name).toBe('Solicitantes');
      expect(sheet!.rows[0]).toEqual(APPLICANT_HEADERS.ES);
      expect(rows.map((r) => r[1]).sort()).toEqual(sheet!.rows.slice(1).map((r) => r[1]).sort());
      const col = (name: string) => APPLICANT_HEADERS.ES.indexOf(name);
      const ana = rows.find((r) => r[col('DUI')] === dui(inside[0]!))!;
      expect(ana.slice(col('Nombres'), col('Municipio') + 1)).toEqual(['Ana Lucía', 'Peña, "la Niña"', '1994-05-12', 'FEMALE', expect.any(String), municipality.name]);
      expect(ana[col('Años de experiencia')]).toBe('7');
      expect(ana[col('Registrado')]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      expect(rows.find((r) => r[col('DUI')] === dui(inside[1]!))![col('Apellidos')]).toBe('Ábrego');
    });

    it('exports one applicant by DUI, keeps the DUI encrypted in the request, and records who exported what, never the values', async () => {
      const target = inside[1]!;
      const view = await built(coordinator, { kind: 'APPLICANTS', format: 'CSV', language: 'EN', applicants: { nationalId: dui(target) } });
      expect(view).toMatchObject({ status: 'READY', rowCount: 1, filterFields: ['nationalId'] });
      const { rows } = parseCsv((await download(view)).bytes.toString('utf8'));
      expect(rows.slice(1).map((r) => r[0])).toEqual([target.id]);
      const [stored] = await ds.query(`SELECT filter::text AS filter FROM data_export WHERE id = $1`, [view.id]);
      expect(stored.filter).not.toContain(dui(target));
      expect(stored.filter).toContain('nationalId');
      const audit = await ds.query(`SELECT actor_user_id, actor_role, action, entity, fields, reason, row_to_json(a)::text AS line FROM audit_event a WHERE entity_id = $1 ORDER BY created_at`, [view.id]);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['export-applicants', 'download-export']);
      expect(audit[0]).toMatchObject({ actor_user_id: coordinator.userId, actor_role: 'COORDINATOR', entity: 'data_export', fields: ['nationalId'], reason: '1 rows, CSV' });
      for (const a of audit) expect(a.line).not.toContain(dui(target));
    });

    it('pages through applicants registered in one instant (a batch in one transaction) without losing any', async () => {
      const batch = [
        ...inside,
        await make.applicant({ municipalityCode: municipality.code }),
        await make.applicant({ municipalityCode: municipality.code }),
      ];
      // The services register one applicant per transaction; a bulk load shares one instant, with microseconds,
      // which only SQL can give them.
      await ds.query(`UPDATE applicant SET created_at = '2020-01-01T10:00:00.123456Z' WHERE id = ANY($1::uuid[])`, [batch.map((a) => a.id)]);
      const view = await built(coordinator, { kind: 'APPLICANTS', format: 'CSV', language: 'EN', applicants: filter() }, { pageSize: 2 });
      const ids = parseCsv((await download(view)).bytes.toString('utf8')).rows.slice(1).map((r) => r[0]);
      expect(ids).toEqual(expect.arrayContaining(batch.map((a) => a.id)));
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('an administrator exports as a coordinator would', async () => {
      const configured = app.get(PuenteConfig).bootstrapAdmin!;
      const user = await ds.manager.findOneByOrFail(UserEntity, { identifier: configured.email.toLowerCase(), role: Role.ADMIN });
      const admin: Actor = { userId: user.id, role: Role.ADMIN, employerId: null, applicantId: null };
      const view = await built(admin, { kind: 'APPLICANTS', format: 'CSV', language: 'EN', applicants: { nationalId: dui(inside[0]!) } });
      expect(view).toMatchObject({ status: 'READY', rowCount: 1 });
    });
  });

  it('exports job orders of one employer with its name, employers, and an empty list as its header alone', async () => {
    const owner = await make.employer();
    const orders = [await make.jobOrder(owner, {}, 'DRAFT'), await make.jobOrder(owner, { housingProvided: false, housingDescription: null }, 'SUBMITTED')];
    const view = await built(coordinator, { kind: 'JOB_ORDERS', format: 'XLSX', language: 'ES', jobOrders: { employerId: owner.employer.id } });
    const [sheet] = await sheetsOf((await download(view)).bytes);
    const [header, ...rows] = sheet!.rows;
    expect(sheet!.name).toBe('Órdenes de trabajo');
    expect(header).toEqual(expect.arrayContaining(['Referencia', 'Empleador', 'Plazas', 'Salario por hora', 'Vivienda incluida']));
    expect(rows.map((r) => r[0]).sort()).toEqual(orders.map((o) => o.id).sort());
    const at = (name: string) => (header as string[]).indexOf(name);
    for (const r of rows) {
      expect(r[at('Empleador')]).toBe(owner.employer.legalName);
      expect(r[at('Plazas')]).toBe(10);
      expect(r[at('Salario por hora')]).toBe(16.1);
    }
    expect(rows.map((r) => r[at('Vivienda incluida')]).sort()).toEqual([false, true]);

    const employers = await built(coordinator, { kind: 'EMPLOYERS', format: 'CSV', language: 'EN', employers: { country: 'CA' } });
    const parsed = parseCsv((await download(employers)).bytes.toString('utf8')).rows;
    expect(parsed[0]).toEqual(expect.arrayContaining(['Legal name', 'Contact person', 'Contact e-mail', 'Approvals on hold since']));
    expect(parsed.slice(1).map((r) => r[0])).toContain(owner.employer.id);

    const none = await built(coordinator, { kind: 'CONTINGENTS', format: 'CSV', language: 'EN', contingents: { jobOrderId: orders[0]!.id } });
    expect(none).toMatchObject({ status: 'READY', rowCount: 0 });
    expect(parseCsv((await download(none)).bytes.toString('utf8')).rows).toEqual([
      ['ID', 'Reference', 'State or province', 'Work starts', 'Planned departure', 'Status', 'Capacity', 'Seats taken', 'Departed', 'Arrived', 'Returned', 'Created'],
    ]);
  });

  it('writes every statistics table of a period as a sheet of its own', async () => {
    const view = await built(coordinator, { kind: 'STATISTICS', format: 'XLSX', language: 'EN', statistics: { from: '2026-01-01', to: '2026-12-31', groupBy: ['SEX'] } });
    expect(view.status).toBe('READY');
    const sheets = await sheetsOf((await download(view)).bytes);
    const tables = await app.get(StatisticsService).tables(coordinator, { from: '2026-01-01', to: '2026-12-31', groupBy: ['SEX'] }, 'en');
    expect(sheets.map((s) => s.rows[0])).toEqual(tables.map((t) => t.columns.map((c) => c.header.en)));
    expect(sheets.map((s) => s.rows.length - 1)).toEqual(tables.map((t) => t.rows.length));
    expect(view.rowCount).toBe(tables.reduce((n, t) => n + t.rows.length, 0));
  });

  it('fails an export whose filter its owner refuses, with the owner\'s words, once and for good', async () => {
    const view = await built(coordinator, { kind: 'STATISTICS', format: 'CSV', language: 'EN', statistics: { from: '2026-12-31', to: '2026-01-01', groupBy: [] } });
    expect(view).toMatchObject({ status: 'FAILED', downloadUrl: null, rowCount: null });
    expect(view.error).toMatch(/from|to/);
    expect(await exports.build(view.id)).toMatchObject({ status: 'SKIPPED' });
  });

  it('refuses the filter of another kind, and anyone but staff', async () => {
    expect(await codeOf(exports.request(coordinator, { kind: 'EMPLOYERS', format: 'CSV', language: 'EN', applicants: { status: 'AVAILABLE' } }))).toBe(ErrorCode.BAD_USER_INPUT);
    const { actor: employer } = await make.employer();
    expect(await codeOf(exports.request(employer, { kind: 'JOB_ORDERS', format: 'CSV', language: 'EN' }))).toBe(ErrorCode.FORBIDDEN);
  });

  it('queues the build through the outbox, one job per export', async () => {
    const view = await exports.request(coordinator, { kind: 'CONTINGENTS', format: 'CSV', language: 'ES' });
    const id = jobId(JobName.BuildExport, view.id);
    expect(id).toBe(`exports.build__${view.id}`);
    const job = await queueOf(app, JOB_QUEUE[JobName.BuildExport]).getJob(id);
    expect(job?.data).toMatchObject({ exportId: view.id });
  });

  it('rebuilds a ready export the same, expires it (its file and a DUI in its filter gone), and builds an expired one no more', async () => {
    const applicant = await make.applicant();
    const dui = app.get(ApplicantIdentifiers).nationalIdOf(applicant);
    const view = await built(coordinator, { kind: 'APPLICANTS', format: 'XLSX', language: 'EN', applicants: { nationalId: dui } });
    const first = await download(view);
    const again = await exports.build(view.id);
    expect(again).toMatchObject({ status: 'READY', rowCount: 1 });
    const second = await download(await exports.findForActor(coordinator, view.id));
    expect((await sheetsOf(second.bytes))[0]!.rows).toEqual((await sheetsOf(first.bytes))[0]!.rows);
    const [{ parts }] = await ds.query(`SELECT count(*)::int AS parts FROM export_file WHERE export_id = $1`, [view.id]);
    expect(parts).toBe(1);

    // Its 24 hours over: only SQL moves a file's expiry into the past.
    await ds.query(`UPDATE data_export SET expires_at = now() - interval '1 minute' WHERE id = $1`, [view.id]);
    const stale = await exports.findForActor(coordinator, view.id);
    expect(stale.downloadUrl).toBeNull();
    const token = signExportLink({ exportId: view.id, userId: coordinator.userId, expiresAt: new Date(Date.now() + 60_000) }, secret);
    expect(await exports.openDownload(view.id, token)).toBe('NOT_FOUND');
    expect((await exports.purgeExpired()).expired).toBeGreaterThanOrEqual(1);
    expect(await exports.findForActor(coordinator, view.id)).toMatchObject({ status: 'EXPIRED', downloadUrl: null });
    expect(await ds.query(`SELECT 1 FROM export_file WHERE export_id = $1`, [view.id])).toEqual([]);
    const [stored] = await ds.query(`SELECT filter FROM data_export WHERE id = $1`, [view.id]);
    expect(stored.filter).toEqual({});
    expect(await exports.build(view.id)).toMatchObject({ status: 'SKIPPED' });
    expect(await exports.findForActor(coordinator, view.id)).toMatchObject({ status: 'EXPIRED' });
  });

  it('shows an export to its requester only, and opens its file only with a link signed for it, in time', async () => {
    const other = await make.staffUser(Role.COORDINATOR);
    const otherActor: Actor = { userId: other.id, role: Role.COORDINATOR, employerId: null, applicantId: null };
    const view = await built(coordinator, { kind: 'CONTINGENTS', format: 'CSV', language: 'EN' });
    expect(await codeOf(exports.findForActor(otherActor, view.id))).toBe(ErrorCode.NOT_FOUND);
    expect(await codeOf(exports.findForActor(coordinator, randomUUID()))).toBe(ErrorCode.NOT_FOUND);
    expect(await codeOf(exports.findForActor(coordinator, 'not-an-id'))).toBe(ErrorCode.NOT_FOUND);
    expect((await exports.listForActor(otherActor, { limit: 10, after: null })).map((e) => e.id)).not.toContain(view.id);
    const mine = await exports.listForActor(coordinator, { limit: 100, after: null });
    expect(mine.map((e) => e.id)).toContain(view.id);

    const now = new Date();
    const signed = (claims: { exportId?: string; userId?: string; expiresAt?: Date }, key = secret) =>
      signExportLink({ exportId: view.id, userId: coordinator.userId, expiresAt: new Date(now.getTime() + 60_000), ...claims }, key);
    expect(typeof (await exports.openDownload(view.id, signed({}), now))).toBe('object');
    expect(await exports.openDownload(view.id, signed({}, 'k'.repeat(40)), now)).toBe('FORBIDDEN');
    expect(await exports.openDownload(view.id, signed({ expiresAt: now }), now)).toBe('FORBIDDEN');
    expect(await exports.openDownload(view.id, signed({ exportId: randomUUID() }), now)).toBe('FORBIDDEN');
    expect(await exports.openDownload(view.id, undefined, now)).toBe('FORBIDDEN');
    // A link signed for another coordinator (never handed out: the view signs for its requester) opens nothing of yours.
    expect(await exports.openDownload(view.id, signed({ userId: other.id }), now)).toBe('NOT_FOUND');
  });
});
