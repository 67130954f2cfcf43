import type { INestApplicationContext } from '@nestjs/common';
import { codesOf, startApi, startWorker, TestApi } from '../support/api';
import { newConsul, newCoordinator } from '../support/people';
import { contingentHome, decided, employerWithLogin, evaluate, seasonPlayedOut, seasonUnderway } from '../support/season-setup';

const FIELDS = `id placementId applicantId currency earnings remittances savingsUses skills { iscoCode title hours } wantsDomesticJob wantsTraining trainingWanted
  recordedBy recordedAt correctedBy correctedAt referral { institution referredAt referredBy note } season { jobOrderReference employerName departedOn returnedOn }`;
const RECORD = `mutation($i: RecordReturneeInput!) { recordReturneeRecord(input: $i) { ${FIELDS} } }`;
const ONE = `query($id: ID!) { returneeRecord(placementId: $id) { ${FIELDS} } }`;
const MINE = `{ myReturneeRecords { ${FIELDS} } }`;
const TO_REFER = `query($f: ReturneesToReferFilter, $after: String) { returneesToRefer(filter: $f, first: 100, after: $after) {
  edges { cursor node { id applicantId applicantName departmentCode municipalityCode skills { iscoCode } referral { institution note } } } pageInfo { hasNextPage endCursor } } }`;
const REFER = `mutation($i: ReferReturneeInput!) { referReturneeForCertification(input: $i) { ${FIELDS} } }`;
const ME = `{ me { id } }`;

// An occupation no other suite uses (painters), so this suite's seasons hold only its own workers.
const PAINTERS = { isco: '7131', noc: '73112' };

interface ReturneeRecord {
  id: string;
  placementId: string;
  currency: string;
  earnings: number | null;
  remittances: number | null;
  skills: { iscoCode: string; title: string; hours: number }[];
  recordedBy: string;
  recordedAt: string;
  correctedBy: string | null;
  correctedAt: string | null;
  referral: { institution: string; referredAt: string; referredBy: string | null; note: string | null } | null;
  season: { jobOrderReference: string; employerName: string; departedOn: string; returnedOn: string | null };
}

/**
 * What a worker brings home, through the API and a real worker process: the worker records her season once she is
 * home and corrects it, a coordinator finds her among the returnees to refer and refers her once, a correction
 * keeps the referral, and her second season has a record of its own. Another worker, the employer and a consul
 * (whose jurisdiction holds the season) see and do nothing of it.
 */
describe('returnee records', () => {
  jest.setTimeout(240_000);
  let api: TestApi;
  let worker: INestApplicationContext;
  let coordinator: { token: string; id: string };
  let employer: Awaited<ReturnType<typeof employerWithLogin>>;
  let consul: { token: string };
  let season: Awaited<ReturnType<typeof seasonPlayedOut>>;
  let marta: (typeof season.workers)[number];
  let jose: (typeof season.workers)[number];
  let martaUserId: string;
  let first: ReturneeRecord;

  const ok = async <T = ReturneeRecord>(query: string, variables: Record<string, unknown> | object, token: string, field: string): Promise<T> => {
    const r = await api.gql(query, variables as Record<string, unknown>, token);
    expect(r.errors).toEqual([]);
    return (r.data as { [k: string]: T })[field]!;
  };
  const toRefer = async (filter: Record<string, unknown> | object) => {
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = await ok(TO_REFER, { f: filter, after }, coordinator.token, 'returneesToRefer');
      ids.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) return ids;
      after = page.pageInfo.endCursor;
    }
  };
  // One day abroad (the season is played out in one day): 16 hours at most, all skills together.
  const martaSeason = (placementId: string) => ({
    placementId,
    earnings: 11250.75,
    remittances: 7000,
    savingsUses: ['HOUSING', 'BUSINESS'],
    skills: [{ iscoCode: '7131', hours: 12 }],
    wantsDomesticJob: true,
    wantsTraining: true,
    trainingWanted: 'Pintura automotriz',
  });

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    coordinator = await newCoordinator(api);
    employer = await employerWithLogin(api, coordinator.token);
    // The season goes to CA-QC: this consul's jurisdiction holds it.
    consul = await newConsul(api, { countryCode: 'CA', regionCodes: ['CA-QC'] });
    season = await seasonPlayedOut(api, coordinator.token, employer.token, { count: 2, occupation: PAINTERS, names: ['Marta|Hernández', 'José|Martínez'] });
    [marta, jose] = season.workers as [typeof marta, typeof jose];
    martaUserId = (await ok<{ id: string }>(ME, {}, marta.token, 'me')).id;
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('lets the worker record what she brought home, in the order’s currency, read it back and correct it', async () => {
    first = await ok(RECORD, { i: martaSeason(marta.placementId) }, marta.token, 'recordReturneeRecord');
    expect(first).toMatchObject({
      placementId: marta.placementId,
      applicantId: marta.id,
      currency: 'CAD',
      earnings: 11250.75,
      remittances: 7000,
      savingsUses: ['HOUSING', 'BUSINESS'],
      skills: [{ iscoCode: '7131', title: 'Painters and related workers', hours: 12 }],
      wantsDomesticJob: true,
      wantsTraining: true,
      trainingWanted: 'Pintura automotriz',
      recordedBy: martaUserId,
      correctedBy: null,
      correctedAt: null,
      referral: null,
      season: { employerName: employer.legalName },
    });
    expect(await ok(MINE, {}, marta.token, 'myReturneeRecords')).toEqual([first]);
    expect(await ok(ONE, { id: marta.placementId }, marta.token, 'returneeRecord')).toEqual(first);

    // A correction states the whole record again; who recorded it first stays.
    const corrected = await ok(RECORD, { i: { ...martaSeason(marta.placementId), remittances: 7400 } }, marta.token, 'recordReturneeRecord');
    expect(corrected).toMatchObject({ id: first.id, remittances: 7400, recordedBy: martaUserId, recordedAt: first.recordedAt, correctedBy: martaUserId });
    // What the rules refuse is refused with the field named: more hours than a day abroad holds.
    const tooMany = await api.gql(RECORD, { i: { ...martaSeason(marta.placementId), skills: [{ iscoCode: '7131', hours: 17 }] } }, marta.token);
    expect(codesOf(tooMany)).toEqual(['BAD_USER_INPUT']);
    expect(tooMany.errors[0]!.extensions!.fields).toEqual([{ field: 'skills', message: 'add up to 17 hours, more than 16 a day over 1 days abroad (16 hours)' }]);
  });

  it('shows another worker, the employer and a consul nothing of it, and lets none of them record or refer', async () => {
    const input = { i: martaSeason(marta.placementId) };
    // Another worker: her placement is NOT_FOUND, and his own list is his.
    expect(codesOf(await api.gql(RECORD, input, jose.token))).toEqual(['NOT_FOUND']);
    expect(codesOf(await api.gql(ONE, { id: marta.placementId }, jose.token))).toEqual(['NOT_FOUND']);
    expect(await ok(MINE, {}, jose.token, 'myReturneeRecords')).toEqual([]);
    expect(codesOf(await api.gql(TO_REFER, { f: {} }, jose.token))).toEqual(['FORBIDDEN']);
    expect(codesOf(await api.gql(REFER, { i: { returneeRecordId: first.id, institution: 'INSAFORP' } }, marta.token))).toEqual(['FORBIDDEN']);
    // The employer and the consul: no operation of returnee records at all.
    for (const token of [employer.token, consul.token]) {
      expect(codesOf(await api.gql(RECORD, input, token))).toEqual(['FORBIDDEN']);
      expect(codesOf(await api.gql(ONE, { id: marta.placementId }, token))).toEqual(['FORBIDDEN']);
      expect(codesOf(await api.gql(MINE, {}, token))).toEqual(['FORBIDDEN']);
      expect(codesOf(await api.gql(TO_REFER, { f: {} }, token))).toEqual(['FORBIDDEN']);
      expect(codesOf(await api.gql(REFER, { i: { returneeRecordId: first.id, institution: 'INSAFORP' } }, token))).toEqual(['FORBIDDEN']);
    }
    // Nothing changed.
    expect((await ok<ReturneeRecord>(ONE, { id: marta.placementId }, coordinator.token, 'returneeRecord')).remittances).toBe(7400);
  });

  it('lists her for a coordinator by department and occupation, refers her once, and keeps the referral through a correction', async () => {
    // Her department is Morazán (SV-MO); a record without skills or interest is not listed.
    await ok(RECORD, { i: { placementId: jose.placementId, earnings: 9000, wantsDomesticJob: false, wantsTraining: false } }, jose.token, 'recordReturneeRecord');
    const joseRecord = await ok(ONE, { id: jose.placementId }, coordinator.token, 'returneeRecord');
    const listed = await toRefer({ departmentCode: 'SV-MO', iscoCode: '7131', referred: false });
    expect(listed).toContain(first.id);
    expect(listed).not.toContain(joseRecord.id);
    expect(await toRefer({ departmentCode: 'SV-SS' })).not.toContain(first.id);
    expect(await toRefer({ iscoCode: '6111' })).not.toContain(first.id);
    const node = (await api.gql(TO_REFER, { f: { departmentCode: 'SV-MO', iscoCode: '7131' } }, coordinator.token)).data!.returneesToRefer.edges
      .map((e: { node: { id: string } }) => e.node)
      .find((n: { id: string }) => n.id === first.id);
    expect(node).toMatchObject({ applicantId: marta.id, applicantName: 'Marta Hernández', departmentCode: 'SV-MO', municipalityCode: 'SV-MO-NORTE', referral: null });

    const referred = await ok(REFER, { i: { returneeRecordId: first.id, institution: 'INSAFORP', note: 'Automotive painting course, San Miguel.' } }, coordinator.token, 'referReturneeForCertification');
    expect(referred.referral).toEqual({ institution: 'INSAFORP', referredAt: expect.any(String), referredBy: coordinator.id, note: 'Automotive painting course, San Miguel.' });
    expect(codesOf(await api.gql(REFER, { i: { returneeRecordId: first.id, institution: 'INSAFORP' } }, coordinator.token))).toEqual(['CONFLICT']);
    expect(codesOf(await api.gql(REFER, { i: { returneeRecordId: joseRecord.id, institution: 'INSAFORP' } }, coordinator.token))).toEqual(['INVALID_TRANSITION']);
    expect(await toRefer({ departmentCode: 'SV-MO', referred: false })).not.toContain(first.id);
    expect(await toRefer({ departmentCode: 'SV-MO', referred: true })).toContain(first.id);

    // She corrects her record afterwards: the referral stays; she sees where, not the ministry's note.
    const corrected = await ok(RECORD, { i: { ...martaSeason(marta.placementId), remittances: 7500 } }, marta.token, 'recordReturneeRecord');
    expect(corrected.referral).toEqual({ institution: 'INSAFORP', referredAt: referred.referral!.referredAt, referredBy: null, note: null });
    expect((await ok<ReturneeRecord>(ONE, { id: marta.placementId }, coordinator.token, 'returneeRecord')).referral!.note).toBe('Automotive painting course, San Miguel.');
  });

  it('gives her second season a record of its own, once she is home again', async () => {
    // Season 1 evaluated well: she is rehire-eligible, available again, and goes back.
    expect((await evaluate(api, employer.token, marta.placementId, 5, true)).errors).toEqual([]);
    expect(await decided(api, coordinator.token, marta.id)).toBe('ELIGIBLE');
    const second = await seasonUnderway(api, coordinator.token, employer.token, { count: 0, occupation: PAINTERS, returning: [marta] });
    const placementId = second.workers[0]!.placementId;
    expect(placementId).not.toBe(marta.placementId);

    // Abroad: not yet, for her as for a coordinator.
    const record = { ...martaSeason(placementId), earnings: 12800, remittances: 9100, skills: [{ iscoCode: '7131', hours: 10 }] };
    expect(codesOf(await api.gql(RECORD, { i: record }, marta.token))).toEqual(['INVALID_TRANSITION']);
    expect(codesOf(await api.gql(RECORD, { i: record }, coordinator.token))).toEqual(['INVALID_TRANSITION']);
    expect(await ok(ONE, { id: placementId }, marta.token, 'returneeRecord')).toBeNull();

    await contingentHome(api, coordinator.token, second.contingentId);
    // Recorded for her by a coordinator this time.
    const two = await ok(RECORD, { i: record }, coordinator.token, 'recordReturneeRecord');
    expect(two).toMatchObject({ placementId, earnings: 12800, recordedBy: coordinator.id, referral: null });
    expect(two.id).not.toBe(first.id);
    expect(two.season.jobOrderReference).not.toBe(first.season.jobOrderReference);

    // Her list: season 2 first, season 1 as she left it, with its referral.
    const mine = await ok<ReturneeRecord[]>(MINE, {}, marta.token, 'myReturneeRecords');
    expect(mine.map((r) => [r.placementId, r.earnings, r.remittances, r.referral?.institution ?? null])).toEqual([
      [placementId, 12800, 9100, null],
      [marta.placementId, 11250.75, 7500, 'INSAFORP'],
    ]);
    expect(await toRefer({ departmentCode: 'SV-MO', referred: false })).toContain(two.id);
  });
});
