import { DomainException, ErrorCode, Role } from '@puente/common';
import { idsRead, isStaff, outcomeOf, signedInUserOf, targetIdsOf } from './audit.rules';

const A = '0b6f4d3e-1c2a-4e5f-8a9b-0c1d2e3f4a5b';
const B = '7d8e9f0a-1b2c-4d3e-9f4a-5b6c7d8e9f0a';
const C = 'c0ffee00-0000-4000-8000-00000000000c';

describe('targetIdsOf', () => {
  it('takes id, …Id and …Ids arguments at any depth of an input', () => {
    expect(targetIdsOf({ id: A })).toEqual([A]);
    expect(targetIdsOf({ input: { contingentId: A, applicantIds: [B, C] } })).toEqual([A, B, C]);
    expect(targetIdsOf({ input: { nested: { placementId: B } } })).toEqual([B]);
    expect(targetIdsOf({ jobOrderIds: [A, A] })).toEqual([A]);
  });

  it('keeps no value that is not a record id: a DUI, a shortlist reference, a password, free text', () => {
    const args = {
      input: {
        id: A,
        nationalId: '04567890-3',
        applicantIds: ['C-00000000', B],
        password: 'a-secret-passphrase',
        reason: `contains an id ${C} in free text`,
        firstNames: 'María José',
      },
    };
    expect(targetIdsOf(args)).toEqual([A, B]);
  });

  it('lower-cases ids and tolerates missing or odd arguments', () => {
    expect(targetIdsOf({ id: A.toUpperCase() })).toEqual([A]);
    expect(targetIdsOf(undefined)).toEqual([]);
    expect(targetIdsOf({ id: 42, applicantIds: 'not-a-list' })).toEqual([]);
  });
});

describe('outcomeOf', () => {
  it('is the domain code, or a masked internal error', () => {
    expect(outcomeOf(new DomainException(ErrorCode.NOT_FOUND, 'No such order.'))).toBe('NOT_FOUND');
    expect(outcomeOf({ extensions: { code: 'BAD_USER_INPUT' } })).toBe('BAD_USER_INPUT');
    expect(outcomeOf(new Error('duplicate key value violates unique constraint'))).toBe('INTERNAL_SERVER_ERROR');
  });
});

describe('reads of personal data', () => {
  it('counts administrators and coordinators as staff, nobody else', () => {
    expect([Role.ADMIN, Role.COORDINATOR, Role.CONSUL, Role.EMPLOYER, Role.APPLICANT, null].map(isStaff)).toEqual([true, true, true, false, false, false]);
  });

  it('records the ids asked for and the ids returned', () => {
    expect(idsRead('applicant', { id: A }, { id: A, nationalId: '04567890-3' })).toEqual([A]);
    expect(idsRead('applicant', { id: A }, null)).toEqual([A]);
    expect(idsRead('applicants', { first: 2, filter: { status: 'AVAILABLE' } }, { edges: [{ node: { id: B } }, { node: { id: C } }] })).toEqual([B, C]);
    // The workers whose evaluations await review (not the evaluations' own ids).
    expect(idsRead('evaluationsToReview', { first: 5 }, { edges: [{ node: { id: A, applicantId: B } }, { node: { id: C, applicantId: B } }] })).toEqual([B]);
  });
});

describe('signedInUserOf', () => {
  it('names the user an AuthPayload carries', () => {
    expect(signedInUserOf({ accessToken: 'x', user: { id: A, role: 'ADMIN' } })).toEqual({ userId: A, role: 'ADMIN' });
    expect(signedInUserOf(true)).toBeNull();
    expect(signedInUserOf(null)).toBeNull();
  });
});
