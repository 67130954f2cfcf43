import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { fieldCipherFromEnv } from '@puente/config';
import { seededRandom as rng } from '@puente/common';
import { databaseOptions } from '@puente/database';
import { ApplicantRow, applicantFacts, eligibleApplicantCondition } from './candidate-sql';
import { cursorAfter, retrieveCandidates, type RetrievedRow } from './candidate.repository';
import { unmetRequirements } from './eligibility.rules';
import type { OrderFacts } from './matching.model';
import { MATCHING_POLICY_V1 as policy } from './matching.policy';

/** Fixture rows carry one sealed placeholder DUI and passport, so an api reading them (other suites share the database) can decrypt them. */
const fixtureCipher = fieldCipherFromEnv(process.env);
const SEALED_DUI = fixtureCipher.encrypt('dui', '00000000-0');
const SEALED_PASSPORT = fixtureCipher.encrypt('passport', 'X0000000');


const LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'NATIVE'];
const day = (offset: number) => new Date(Date.UTC(2027, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * SQL and TypeScript must never disagree on who qualifies: 400 random applicants, 60 random orders, and for every
 * pair the SQL condition and `unmetRequirements` give the same answer. Values cluster around each boundary
 * (passport and documents end + margin, age 18 on the start date, minimum experience) so the edges are exercised.
 * The applicants are written in SQL on purpose: occupations of this test alone (no reference code, so nobody else's
 * run retrieves them), every status matching tells apart, documents' expiries without their rows, and 400 rows where
 * registration would hash 400 passwords.
 */
describe('eligibility in SQL agrees with the rules', () => {
  let ds: DataSource;
  const tag = randomUUID();
  const ids: string[] = [];
  const random = rng(2026);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const subset = <T>(xs: readonly T[], p: number) => xs.filter(() => random() < p);
  // Occupations of this test alone, so applicants other suites create meanwhile never show up in retrieval.
  const OCCUPATIONS = ['a', 'b', 'c'].map((x) => `T${tag.slice(0, 6)}${x}`);
  const SKILLS = ['MILKING_MACHINE', 'CATTLE_HANDLING', 'FIRST_AID', 'OHS_BASICS', 'HAND_HARVESTING'];

  beforeAll(async () => {
    ds = await new DataSource(databaseOptions(process.env.DATABASE_URL!, 2)).initialize();
    for (let i = 0; i < 400; i++) {
      const languages = subset(['en', 'fr'], 0.5).map((code) => ({ code, level: pick(LEVELS) }));
      const tokens = languages.flatMap((l) => LEVELS.slice(0, LEVELS.indexOf(l.level) + 1).map((v) => `${l.code}:${v}`));
      const passport = random() < 0.8;
      // Half have a medical certificate or police record on file, expiring around the same boundary as passports.
      const document = random() < 0.5;
      const [row] = await ds.query(
        `INSERT INTO applicant (national_id_enc, national_id_hash, first_names, last_names, birth_date, gender, municipality_code, phone, occupations,
           skills, languages, language_levels, years_experience, education, passport_number_enc, passport_number_hash, passport_expiry, status, address,
           document_expiry, document_expiry_kind)
         VALUES ($13, $1, 'Test', 'Applicant', $2, $3, 'SV-SA-NORTE', '+50370000000', $4, $5, $6, $7, $8, 'PRIMARY', $14, $9, $10, $11, $12, $15, $16) RETURNING id`,
        [
          `T${String(randomInt(1e9)).padStart(9, '0')}-${i}`,
          day(-18 * 365 - 5 + Math.floor(random() * 20) - Math.floor(random() * 3) * 3650),
          pick(['FEMALE', 'MALE']),
          subset(OCCUPATIONS, 0.5),
          subset(SKILLS, 0.5),
          JSON.stringify(languages),
          tokens,
          Math.floor(random() * 6),
          passport ? `P${tag.slice(0, 8)}${i}` : null,
          passport ? day(400 + Math.floor(random() * 120)) : null,
          random() < 0.8 ? 'AVAILABLE' : pick(['REGISTERED', 'SELECTED', 'BLOCKED', 'DEPLOYED']),
          tag,
          SEALED_DUI,
          passport ? SEALED_PASSPORT : null,
          document ? day(400 + Math.floor(random() * 120)) : null,
          document ? pick(['MEDICAL_CERTIFICATE', 'POLICE_RECORD']) : null,
        ],
      );
      ids.push(row.id);
    }
  });

  afterAll(async () => {
    await ds.query(`DELETE FROM applicant WHERE address = $1`, [tag]);
    await ds.destroy();
  });

  it('gives the same eligible set for 60 random orders', async () => {
    const rows: ApplicantRow[] = await ds.query(
      `SELECT id, status, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, gender, municipality_code, occupations, skills,
              language_levels, years_experience, to_char(passport_expiry, 'YYYY-MM-DD') AS passport_expiry,
              to_char(document_expiry, 'YYYY-MM-DD') AS document_expiry, document_expiry_kind
       FROM applicant WHERE address = $1`,
      [tag],
    );
    let eligibleSomewhere = 0;
    for (let k = 0; k < 60; k++) {
      const startOffset = Math.floor(random() * 30);
      const order: OrderFacts = {
        id: `o${k}`,
        employerId: 'e',
        iscoCode: pick(OCCUPATIONS),
        requiredSkills: subset(SKILLS, 0.25),
        preferredSkills: subset(SKILLS, 0.3),
        requiredLanguageLevels: subset(['en', 'fr'], 0.3).map((c) => `${c}:${pick(LEVELS.slice(0, 3))}`),
        destinationLanguages: ['en'],
        minExperienceYears: Math.floor(random() * 4),
        startDate: day(startOffset),
        endDate: day(startOffset + 300 + Math.floor(random() * 60)),
      };
      const condition = eligibleApplicantCondition(order, policy);
      const found = await ds
        .createQueryBuilder()
        .select('a.id', 'id')
        .from('applicant', 'a')
        .where(condition.sql, condition.params)
        .andWhere('a.address = :tag', { tag })
        .getRawMany<{ id: string }>();
      const bySql = new Set(found.map((r) => r.id));
      const byRules = new Set(rows.filter((r) => unmetRequirements(applicantFacts(r), order, policy).length === 0).map((r) => r.id));
      expect({ order: k, sql: [...bySql].sort() }).toEqual({ order: k, sql: [...byRules].sort() });

      // Retrieval through the matching index finds the same people, most experienced first, then by preferred skills.
      const retrieved = await retrieveCandidates(ds, order, policy, [], 100_000);
      expect({ order: k, retrieved: retrieved.map((r) => r.id).sort() }).toEqual({ order: k, retrieved: [...byRules].sort() });
      const key = (r: ApplicantRow) => [-r.years_experience, -order.preferredSkills.filter((x) => r.skills.includes(x)).length, r.id] as const;
      const inOrder = [...retrieved].sort((x, y) => {
        const [a, b] = [key(x), key(y)];
        return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : 1);
      });
      expect(retrieved.map((r) => r.id)).toEqual(inOrder.map((r) => r.id));
      // Page by page from each page's last row (keyset), the same people in the same order.
      const pages: RetrievedRow[] = [];
      for (let page = await retrieveCandidates(ds, order, policy, [], 5); page.length; page = await retrieveCandidates(ds, order, policy, [], 5, cursorAfter(page.at(-1)!))) {
        pages.push(...page);
      }
      expect(pages.map((r) => r.id)).toEqual(retrieved.map((r) => r.id));
      eligibleSomewhere += byRules.size;
    }
    // The data is not so strict that both sides agree on "nobody".
    expect(eligibleSomewhere).toBeGreaterThan(60);
    expect(ids).toHaveLength(400);
  });
});
