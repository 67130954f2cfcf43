import { DomainException, ErrorCode } from '@puente/common';
import { uniqueViolationOf } from '@puente/database';

/** The unique constraints of `applicant`, as the CONFLICT a coordinator can act on; anything else unchanged. */
export function conflictOf(error: unknown): unknown {
  const constraint = uniqueViolationOf(error);
  if (constraint === 'applicant_national_id_key') {
    return new DomainException(ErrorCode.CONFLICT, 'An applicant with this DUI is already registered.', [
      { field: 'nationalId', message: 'is already registered' },
    ]);
  }
  if (constraint === 'applicant_passport_number_key') {
    return new DomainException(ErrorCode.CONFLICT, 'Another applicant is registered with this passport number.', [
      { field: 'passportNumber', message: 'is already registered to another applicant' },
    ]);
  }
  return error;
}
