import { addDays, DomainException, ErrorCode, Role, todayIso } from '@puente/common';
import {
  assertMayRecord,
  assertReferable,
  changedReturneeFields,
  cleanReferral,
  cleanReturneeRecord,
  daysAbroad,
  filledReturneeFields,
  hasSomethingToRefer,
  isHome,
  MAX_HOURS_PER_DAY,
  MAX_SEASON_AMOUNT,
  MAX_SKILLS,
  RETURNEE_RECORD_FIELDS,
  ReturneeRecordFacts,
  ReturneeRecordInput,
  returneeRecordProblems,
} from './returnee-record.rules';

const occupations = new Set(['6111', '6112', '6121', '9211', '5120', '7111', '8341', '9312', '6113', '6114', '7112']);
const context = { occupations, daysAbroad: 100 };
const base: ReturneeRecordInput = { wantsDomesticJob: false, wantsTraining: false };
const problems = (input: Partial<ReturneeRecordInput>, days = 100) => returneeRecordProblems({ ...base, ...input }, { occupations, daysAbroad: days });
const fields = (input: Partial<ReturneeRecordInput>, days = 100) => problems(input, days).map((p) => p.field);

/** The code a call throws with, or null when it does not throw. */
function codeOf(fn: () => unknown): ErrorCode | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof DomainException) return e.code;
    throw e;
  }
}

function errorOf(fn: () => unknown): DomainException {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainException) return e;
    throw e;
  }
  throw new Error('did not throw');
}

describe('daysAbroad', () => {
  it('counts the departure and the return, and nothing while the worker is not home', () => {
    expect(daysAbroad({ departedOn: '2026-04-01', returnedOn: '2026-04-01' })).toBe(1);
    expect(daysAbroad({ departedOn: '2026-04-01', returnedOn: '2026-04-30' })).toBe(30);
    // Across the change to daylight saving time in the destination: calendar days, not hours.
    expect(daysAbroad({ departedOn: '2026-03-01', returnedOn: '2026-03-31' })).toBe(31);
    expect(daysAbroad({ departedOn: '2026-04-01', returnedOn: null })).toBe(0);
    expect(daysAbroad({ departedOn: '2026-04-02', returnedOn: '2026-04-01' })).toBe(0);
  });
});

describe('returneeRecordProblems', () => {
  it('accepts a record with nothing reported but the two answers', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ earnings: null, remittances: null, savingsUses: null, skills: null, trainingWanted: null })).toEqual([]);
  });

  it('takes amounts from 0 to the upper bound, in cents, and remittances above earnings', () => {
    expect(problems({ earnings: 0, remittances: 0 })).toEqual([]);
    expect(problems({ earnings: MAX_SEASON_AMOUNT, remittances: MAX_SEASON_AMOUNT })).toEqual([]);
    expect(problems({ earnings: 12_345.67, remittances: 0.01 })).toEqual([]);
    // Remittances may be more than the season's earnings (savings of earlier seasons sent home too).
    expect(problems({ earnings: 1000, remittances: 5000 })).toEqual([]);
    expect(problems({ earnings: -0.01 })).toEqual([{ field: 'earnings', message: 'must be 0 or more' }]);
    expect(problems({ remittances: MAX_SEASON_AMOUNT + 0.01 })).toEqual([{ field: 'remittances', message: "must be at most 250,000 in the order's currency" }]);
    expect(fields({ earnings: 10.005 })).toEqual(['earnings']);
    expect(fields({ earnings: Number.NaN, remittances: Number.POSITIVE_INFINITY })).toEqual(['earnings', 'remittances']);
  });

  it('takes known savings uses, each once', () => {
    expect(problems({ savingsUses: ['HOUSING', 'EDUCATION', 'BUSINESS', 'DEBT', 'OTHER'] })).toEqual([]);
    expect(problems({ savingsUses: [] })).toEqual([]);
    expect(problems({ savingsUses: ['HOUSING', 'CARS'] })).toEqual([{ field: 'savingsUses[1]', message: 'must be one of HOUSING, EDUCATION, BUSINESS, DEBT, OTHER' }]);
    expect(problems({ savingsUses: ['DEBT', 'DEBT'] })).toEqual([{ field: 'savingsUses[1]', message: 'is named twice' }]);
  });

  it('takes skills of the reference occupations, each once, with whole hours from 1', () => {
    expect(problems({ skills: [{ iscoCode: '6111', hours: 1 }, { iscoCode: '8341', hours: 400 }] })).toEqual([]);
    expect(problems({ skills: [{ iscoCode: ' 6111 ', hours: 10 }] })).toEqual([]);
    expect(problems({ skills: [{ iscoCode: '0000', hours: 10 }] })).toEqual([{ field: 'skills[0].iscoCode', message: 'must be an ISCO-08 occupation code of the reference data' }]);
    expect(problems({ skills: [{ iscoCode: '6111', hours: 10 }, { iscoCode: '6111', hours: 20 }] })).toEqual([{ field: 'skills[1].iscoCode', message: 'is named twice' }]);
    expect(fields({ skills: [{ iscoCode: '6111', hours: 0 }] })).toEqual(['skills[0].hours']);
    expect(fields({ skills: [{ iscoCode: '6111', hours: 2.5 }] })).toEqual(['skills[0].hours']);
    expect(fields({ skills: [{ iscoCode: '6111', hours: -3 }] })).toEqual(['skills[0].hours']);
  });

  it(`names at most ${MAX_SKILLS} skills`, () => {
    const skill = (i: number) => ({ iscoCode: [...occupations][i]!, hours: 1 });
    expect(problems({ skills: Array.from({ length: MAX_SKILLS }, (_, i) => skill(i)) })).toEqual([]);
    expect(fields({ skills: Array.from({ length: MAX_SKILLS + 1 }, (_, i) => skill(i)) })).toEqual(['skills']);
  });

  it(`counts at most ${MAX_HOURS_PER_DAY} hours a day abroad, all skills together`, () => {
    const cap = MAX_HOURS_PER_DAY * 30;
    expect(problems({ skills: [{ iscoCode: '6111', hours: cap - 100 }, { iscoCode: '6112', hours: 100 }] }, 30)).toEqual([]);
    expect(problems({ skills: [{ iscoCode: '6111', hours: cap - 100 }, { iscoCode: '6112', hours: 101 }] }, 30)).toEqual([
      { field: 'skills', message: `add up to ${cap + 1} hours, more than ${MAX_HOURS_PER_DAY} a day over 30 days abroad (${cap} hours)` },
    ]);
    // A season played out in one day (departed and back the same day) holds 16 hours.
    expect(problems({ skills: [{ iscoCode: '6111', hours: 16 }] }, 1)).toEqual([]);
    expect(fields({ skills: [{ iscoCode: '6111', hours: 17 }] }, 1)).toEqual(['skills']);
  });

  it('takes a short training wish, only with wantsTraining', () => {
    expect(problems({ wantsTraining: true, trainingWanted: 'Soldadura' })).toEqual([]);
    expect(problems({ wantsTraining: true, trainingWanted: 'x'.repeat(500) })).toEqual([]);
    expect(problems({ wantsTraining: true, trainingWanted: 'x'.repeat(501) })).toEqual([{ field: 'trainingWanted', message: 'must be at most 500 characters' }]);
    expect(problems({ wantsTraining: false, trainingWanted: 'Soldadura' })).toEqual([{ field: 'trainingWanted', message: 'is given only with wantsTraining: true' }]);
    // Blank is no wish at all.
    expect(problems({ wantsTraining: false, trainingWanted: '   ' })).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(fields({ earnings: -1, savingsUses: ['X'], skills: [{ iscoCode: '1', hours: 0 }], trainingWanted: 'x' })).toEqual([
      'earnings',
      'savingsUses[0]',
      'skills[0].iscoCode',
      'skills[0].hours',
      'trainingWanted',
    ]);
  });
});

describe('cleanReturneeRecord', () => {
  it('gives the record as stored: lists in a fixed order, codes and the wish trimmed, nothing reported as null', () => {
    expect(
      cleanReturneeRecord(
        {
          earnings: 9800.5,
          savingsUses: ['OTHER', 'HOUSING'],
          skills: [{ iscoCode: '8341', hours: 300 }, { iscoCode: ' 6111', hours: 900 }],
          wantsDomesticJob: true,
          wantsTraining: true,
          trainingWanted: '  Mecánica de tractores ',
        },
        context,
      ),
    ).toEqual({
      earnings: 9800.5,
      remittances: null,
      savingsUses: ['HOUSING', 'OTHER'],
      skills: [{ iscoCode: '6111', hours: 900 }, { iscoCode: '8341', hours: 300 }],
      wantsDomesticJob: true,
      wantsTraining: true,
      trainingWanted: 'Mecánica de tractores',
    });
    expect(cleanReturneeRecord({ ...base, wantsTraining: true, trainingWanted: ' ' }, context).trainingWanted).toBeNull();
  });

  it('refuses a record with problems as BAD_USER_INPUT naming each field', () => {
    const e = errorOf(() => cleanReturneeRecord({ ...base, earnings: -5, skills: [{ iscoCode: '9999', hours: 1 }] }, context));
    expect(e.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(e.fields.map((f) => f.field)).toEqual(['earnings', 'skills[0].iscoCode']);
  });
});

describe('isHome and assertMayRecord', () => {
  const today = todayIso();
  const worker = { role: Role.APPLICANT, applicantId: 'a-1' };
  const home = { applicantId: 'a-1', status: 'COMPLETED', departedOn: addDays(today, -120), returnedOn: today };

  it('is home once the placement ended and the return is recorded, on today or before', () => {
    expect(isHome(home, today)).toBe(true);
    expect(isHome({ ...home, returnedOn: addDays(today, -1) }, today)).toBe(true);
    expect(isHome({ ...home, returnedOn: addDays(today, 1) }, today)).toBe(false);
    expect(isHome({ ...home, status: 'TERMINATED_EARLY', returnedOn: null }, today)).toBe(false);
    expect(isHome({ ...home, status: 'TERMINATED_EARLY' }, today)).toBe(true);
    expect(isHome({ ...home, status: 'ABANDONED' }, today)).toBe(true);
    expect(isHome({ ...home, status: 'ACTIVE', returnedOn: null }, today)).toBe(false);
    // A return on an active placement cannot be, but the placement's status decides.
    expect(isHome({ ...home, status: 'ACTIVE' }, today)).toBe(false);
  });

  it('lets the worker record their own placement, and coordinators and administrators any', () => {
    expect(codeOf(() => assertMayRecord(worker, home, today))).toBeNull();
    expect(codeOf(() => assertMayRecord({ role: Role.COORDINATOR, applicantId: null }, home, today))).toBeNull();
    expect(codeOf(() => assertMayRecord({ role: Role.ADMIN, applicantId: null }, home, today))).toBeNull();
  });

  it("reads another worker's placement as NOT_FOUND, and so it is for employers and consuls", () => {
    expect(codeOf(() => assertMayRecord({ role: Role.APPLICANT, applicantId: 'a-2' }, home, today))).toBe(ErrorCode.NOT_FOUND);
    expect(codeOf(() => assertMayRecord({ role: Role.APPLICANT, applicantId: null }, home, today))).toBe(ErrorCode.NOT_FOUND);
    expect(codeOf(() => assertMayRecord({ role: Role.EMPLOYER, applicantId: null }, home, today))).toBe(ErrorCode.NOT_FOUND);
    expect(codeOf(() => assertMayRecord({ role: Role.CONSUL, applicantId: null }, home, today))).toBe(ErrorCode.NOT_FOUND);
    // Not home and not theirs: NOT_FOUND first, so it reveals nothing about the placement.
    expect(codeOf(() => assertMayRecord({ role: Role.APPLICANT, applicantId: 'a-2' }, { ...home, status: 'ACTIVE', returnedOn: null }, today))).toBe(ErrorCode.NOT_FOUND);
  });

  it('waits until the worker is home, and says what to record first', () => {
    const abroad = { ...home, status: 'ACTIVE', returnedOn: null };
    const endedNotBack = { ...home, status: 'TERMINATED_EARLY', returnedOn: null };
    expect(errorOf(() => assertMayRecord(worker, abroad, today))).toMatchObject({ code: ErrorCode.INVALID_TRANSITION, message: expect.stringMatching(/once your placement has ended and you are home/) });
    expect(errorOf(() => assertMayRecord(worker, endedNotBack, today))).toMatchObject({ code: ErrorCode.INVALID_TRANSITION, message: expect.stringMatching(/ask your coordinator/) });
    const staff = { role: Role.COORDINATOR, applicantId: null };
    expect(errorOf(() => assertMayRecord(staff, abroad, today))).toMatchObject({ code: ErrorCode.INVALID_TRANSITION, message: expect.stringMatching(/recordReturn/) });
    expect(errorOf(() => assertMayRecord(staff, endedNotBack, today))).toMatchObject({ code: ErrorCode.INVALID_TRANSITION, message: expect.stringMatching(/recordWorkerReturn/) });
  });
});

describe('changedReturneeFields and filledReturneeFields', () => {
  const record: ReturneeRecordFacts = {
    earnings: 1000,
    remittances: 500,
    savingsUses: ['HOUSING'],
    skills: [{ iscoCode: '6111', hours: 100 }],
    wantsDomesticJob: false,
    wantsTraining: true,
    trainingWanted: 'Soldadura',
  };

  it('names nothing when the record is stated as it is', () => {
    expect(changedReturneeFields(record, { ...record, skills: [{ iscoCode: '6111', hours: 100 }], savingsUses: ['HOUSING'] })).toEqual([]);
  });

  it('names each field that changed, in a fixed order', () => {
    expect(changedReturneeFields(record, { ...record, earnings: 1000.01 })).toEqual(['earnings']);
    expect(changedReturneeFields(record, { ...record, remittances: null })).toEqual(['remittances']);
    expect(changedReturneeFields(record, { ...record, savingsUses: ['HOUSING', 'DEBT'] })).toEqual(['savingsUses']);
    expect(changedReturneeFields(record, { ...record, skills: [{ iscoCode: '6111', hours: 101 }] })).toEqual(['skills']);
    expect(changedReturneeFields(record, { ...record, skills: [{ iscoCode: '6112', hours: 100 }] })).toEqual(['skills']);
    expect(changedReturneeFields(record, { ...record, skills: [] })).toEqual(['skills']);
    expect(changedReturneeFields(record, { ...record, wantsTraining: false, trainingWanted: null, wantsDomesticJob: true })).toEqual(['wantsDomesticJob', 'wantsTraining', 'trainingWanted']);
    const all: ReturneeRecordFacts = { earnings: null, remittances: 1, savingsUses: [], skills: [], wantsDomesticJob: true, wantsTraining: false, trainingWanted: null };
    expect(changedReturneeFields(record, all)).toEqual([...RETURNEE_RECORD_FIELDS]);
  });

  it('names the fields a first record holds a value in', () => {
    expect(filledReturneeFields(record)).toEqual(['earnings', 'remittances', 'savingsUses', 'skills', 'wantsTraining', 'trainingWanted']);
    expect(filledReturneeFields({ earnings: 0, remittances: null, savingsUses: [], skills: [], wantsDomesticJob: false, wantsTraining: false, trainingWanted: null })).toEqual(['earnings']);
  });
});

describe('referral for certification', () => {
  const record = { referredAt: null, referralInstitution: null, skills: [{ iscoCode: '6111', hours: 100 }], wantsDomesticJob: false, wantsTraining: false };

  it('has something to refer with skills, or interest in domestic jobs or training', () => {
    expect(hasSomethingToRefer(record)).toBe(true);
    expect(hasSomethingToRefer({ ...record, skills: [] })).toBe(false);
    expect(hasSomethingToRefer({ ...record, skills: [], wantsDomesticJob: true })).toBe(true);
    expect(hasSomethingToRefer({ ...record, skills: [], wantsTraining: true })).toBe(true);
  });

  it('refers a record once, and only with something to refer', () => {
    expect(codeOf(() => assertReferable(record))).toBeNull();
    expect(codeOf(() => assertReferable({ ...record, skills: [], wantsTraining: true }))).toBeNull();
    const twice = errorOf(() => assertReferable({ ...record, referredAt: new Date('2026-05-04T15:00:00Z'), referralInstitution: 'INSAFORP' }));
    expect(twice.code).toBe(ErrorCode.CONFLICT);
    expect(twice.message).toBe('This returnee was referred already (to INSAFORP, on 2026-05-04); a record is referred once.');
    expect(errorOf(() => assertReferable({ ...record, skills: [] }))).toMatchObject({ code: ErrorCode.INVALID_TRANSITION, message: expect.stringMatching(/^Nothing to refer/) });
  });

  it('takes an institution of 2 to 120 characters and a note of up to 1,000', () => {
    expect(cleanReferral({ institution: '  INSAFORP ' })).toEqual({ institution: 'INSAFORP', note: null });
    expect(cleanReferral({ institution: 'ab', note: ' Welding, level 2. ' })).toEqual({ institution: 'ab', note: 'Welding, level 2.' });
    expect(cleanReferral({ institution: 'x'.repeat(120), note: 'n'.repeat(1000) }).institution).toHaveLength(120);
    expect(errorOf(() => cleanReferral({ institution: ' a ' })).fields).toEqual([{ field: 'institution', message: 'must be 2 to 120 characters (e.g. INSAFORP)' }]);
    expect(errorOf(() => cleanReferral({ institution: 'x'.repeat(121) })).fields.map((f) => f.field)).toEqual(['institution']);
    expect(errorOf(() => cleanReferral({ institution: 'INSAFORP', note: 'n'.repeat(1001) })).fields).toEqual([{ field: 'note', message: 'must be at most 1,000 characters' }]);
  });
});
