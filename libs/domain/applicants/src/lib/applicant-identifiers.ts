import { Injectable } from '@nestjs/common';
import { FieldCipher } from '@puente/config';
import type { ApplicantEntity } from './applicant.entity';
import { normalizeDui, normalizePassport } from './applicant.rules';
import { normalizeDocumentNumber } from './document.rules';

/** An applicant with their national ID and passport number read in clear (for those allowed to see them). */
export type RevealedApplicant = ApplicantEntity & { nationalId: string; passportNumber: string | null };

/**
 * The national ID and passport number of applicants at rest: encrypted for storage, a blind index for lookups,
 * decrypted only to answer someone allowed to read them (coordinators, the applicant). Recorded documents' numbers
 * likewise (no blind index: nothing looks them up).
 */
@Injectable()
export class ApplicantIdentifiers {
  constructor(private readonly cipher: FieldCipher) {}

  /** The stored columns of a canonical DUI. */
  sealNationalId(dui: string): Pick<ApplicantEntity, 'nationalIdEnc' | 'nationalIdHash'> {
    return { nationalIdEnc: this.cipher.encrypt('dui', dui), nationalIdHash: this.cipher.blindIndex('dui', dui) };
  }

  /** The stored columns of a passport number (normalised here), or of none. */
  sealPassport(passportNumber: string | null): Pick<ApplicantEntity, 'passportNumberEnc' | 'passportNumberHash'> {
    if (!passportNumber) return { passportNumberEnc: null, passportNumberHash: null };
    const normalized = normalizePassport(passportNumber);
    return { passportNumberEnc: this.cipher.encrypt('passport', normalized), passportNumberHash: this.cipher.blindIndex('passport', normalized) };
  }

  /** The blind index a DUI is found by, typed with or without its dash. */
  nationalIdIndex(typed: string): string {
    return this.cipher.blindIndex('dui', normalizeDui(typed) ?? typed.trim());
  }

  nationalIdOf(a: Pick<ApplicantEntity, 'nationalIdEnc'>): string {
    return this.cipher.decrypt('dui', a.nationalIdEnc);
  }

  passportNumberOf(a: Pick<ApplicantEntity, 'passportNumberEnc'>): string | null {
    return a.passportNumberEnc === null ? null : this.cipher.decrypt('passport', a.passportNumberEnc);
  }

  /** The stored form of a recorded document's number (normalised here), or null for none. */
  sealDocumentNumber(number: string | null | undefined): string | null {
    return number ? this.cipher.encrypt('document', normalizeDocumentNumber(number)) : null;
  }

  documentNumberOf(d: { numberEnc: string | null }): string | null {
    return d.numberEnc === null ? null : this.cipher.decrypt('document', d.numberEnc);
  }

  /** A copy of the applicant with both identifiers in clear (the entity itself is left as stored). */
  reveal(a: ApplicantEntity): RevealedApplicant {
    return { ...a, nationalId: this.nationalIdOf(a), passportNumber: this.passportNumberOf(a) };
  }
}
