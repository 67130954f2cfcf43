import { hash } from '@node-rs/argon2';
import { DataSource, EntityManager } from 'typeorm';
import { ARGON2_OPTIONS } from '@puente/auth';
import { fieldCipherFromEnv } from '@puente/config';
import { addDays, Role, seededRandom, todayIso } from '@puente/common';
import { databaseOptions } from '@puente/database';
import {
  applicantProblems,
  DocumentKind,
  documentProblems,
  duiWithCheckDigit,
  earliestMatchingExpiry,
  EDUCATION_LEVELS,
  LanguageSkill,
  languageLevelTokens,
} from '@puente/domain/applicants';
import { employerProblems } from '@puente/domain/employers';
import { StatisticsRefreshService } from '@puente/domain/statistics';
import { currencyOf, destinationSystem, endDate, jobOrderProblems } from '@puente/domain/job-orders';
import { DEMO_EMPLOYERS, DEMO_JOB_ORDERS, DEPARTMENT_WEIGHTS, FIRST_NAMES_F, FIRST_NAMES_M, LAST_NAMES } from './demo-catalog';

/** The demo logins printed by `npm start`. Demo data only: never load it into a real deployment. */
export const DEMO_PASSWORD = 'puente-demo-2026';
export const DEMO_COORDINATOR = 'coordinator@puente.demo';
export const DEMO_EMPLOYER = 'employer@puente.demo';
export const DEMO_APPLICANT_EMAIL = 'applicant@puente.demo';
export const DEMO_CONSUL = 'consul@puente.demo';
/** The demo consul's jurisdiction: every Canadian region the demo's orders (and so their contingents) go to; the US ones lie outside it. */
export const DEMO_CONSUL_JURISDICTION = { countryCode: 'CA', regionCodes: ['CA-QC', 'CA-ON', 'CA-BC', 'CA-NB'] } as const;

export interface DemoLogins {
  seeded: boolean;
  coordinator: string;
  employer: string;
  applicant: string;
  consul: string;
  password: string;
}

/** Random helpers over a seeded generator, so every machine gets the same demo data. */
function random(seed: number) {
  const next = seededRandom(seed);
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const weighted = <T extends string>(weights: Readonly<Record<T, number>>): T => {
    const entries = Object.entries(weights) as [T, number][];
    let r = next() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [key, w] of entries) if ((r -= w) < 0) return key;
    return entries[0]![0];
  };
  const sample = <T>(items: readonly T[], n: number): T[] => {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < n && copy.length) out.push(copy.splice(int(copy.length), 1)[0]!);
    return out;
  };
  return { next, int, pick, weighted, sample };
}

function fail(what: string, problems: { field: string; message: string }[]): never {
  throw new Error(`demo ${what} is invalid: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`);
}

/**
 * Loads the demo data once: a coordinator, 20 verified employers with one login each (the first is the demo
 * employer), 30 job orders and `applicants` applicants spread over the municipalities by the registration
 * weights of the research. Every row passes the same validation rules the API applies. Loads nothing when the
 * data is already there; returns the demo logins either way.
 */
/**
 * Demo data loaded before seeded applicants had a password: their logins get the demo password now (once: the
 * logins without a password, of applicants the demo coordinator registered; anyone else is left alone).
 */
async function openSeededApplicantLogins(em: EntityManager): Promise<void> {
  const scope = `FROM app_user u JOIN applicant a ON a.id = u.applicant_id JOIN app_user c ON c.id = a.registered_by
    WHERE u.password_hash IS NULL AND c.identifier = $1`;
  const [{ missing }] = await em.query(`SELECT count(*)::int AS missing ${scope}`, [DEMO_COORDINATOR]);
  if (missing === 0) return;
  const passwordHash = await hash(DEMO_PASSWORD, ARGON2_OPTIONS);
  await em.query(`UPDATE app_user SET password_hash = $2 WHERE id IN (SELECT u.id ${scope})`, [DEMO_COORDINATOR, passwordHash]);
}

/**
 * The demo consul, added to a demo database that has none (also one loaded before consuls existed), with the demo
 * password and no change of it required. Its regions are checked against the reference data like the API does.
 */
async function ensureDemoConsul(em: EntityManager, passwordHash: string | null): Promise<void> {
  const [{ exists }] = await em.query(`SELECT EXISTS (SELECT 1 FROM app_user WHERE identifier = $1) AS exists`, [DEMO_CONSUL]);
  if (exists) return;
  const { countryCode, regionCodes } = DEMO_CONSUL_JURISDICTION;
  const [{ known }] = await em.query(`SELECT count(*)::int AS known FROM region WHERE country = $1 AND code = ANY($2::text[])`, [countryCode, [...regionCodes]]);
  if (known !== regionCodes.length) throw new Error(`demo consul's regions are not all regions of ${countryCode}`);
  await em.query(
    `INSERT INTO app_user (identifier, email, role, password_hash, jurisdiction_country, jurisdiction_regions) VALUES ($1, $1, $2, $3, $4, $5::text[])`,
    [DEMO_CONSUL, Role.CONSUL, passwordHash ?? (await hash(DEMO_PASSWORD, ARGON2_OPTIONS)), countryCode, [...regionCodes]],
  );
}

export async function seedDemo(url: string, applicants = 2000): Promise<DemoLogins> {
  // National IDs and passport numbers are stored encrypted, with the apps' keys (PUENTE_DATA_KEYS and the others).
  const cipher = fieldCipherFromEnv(process.env);
  const ds = new DataSource(databaseOptions(url, 2));
  await ds.initialize();
  try {
    const logins = await ds.transaction(async (em): Promise<DemoLogins> => {
      const [{ exists }] = await em.query(`SELECT EXISTS (SELECT 1 FROM app_user WHERE identifier = $1) AS exists`, [DEMO_COORDINATOR]);
      if (exists) {
        await openSeededApplicantLogins(em);
        await ensureDemoConsul(em, null);
        const [applicant] = await em.query(`SELECT national_id_enc FROM applicant WHERE email = $1`, [DEMO_APPLICANT_EMAIL]);
        const demoDui = applicant ? cipher.decrypt('dui', applicant.national_id_enc) : '';
        return { coordinator: DEMO_COORDINATOR, employer: DEMO_EMPLOYER, applicant: demoDui, consul: DEMO_CONSUL, password: DEMO_PASSWORD, seeded: false };
      }
      const rnd = random(20261124);
      const today = todayIso();
      const passwordHash = await hash(DEMO_PASSWORD, ARGON2_OPTIONS);

      const municipalities: { code: string; department_code: string }[] = await em.query(`SELECT code, department_code FROM municipality`);
      const occupations: { isco_code: string }[] = await em.query(`SELECT isco_code FROM occupation`);
      const skills: { code: string; occupation_codes: string[] }[] = await em.query(`SELECT code, occupation_codes FROM skill`);
      const regions: { code: string; country: string }[] = await em.query(`SELECT code, country FROM region`);
      const regionCountry = new Map(regions.map((r) => [r.code, r.country]));
      const known = {
        municipalities: new Set(municipalities.map((m) => m.code)),
        occupations: new Set(occupations.map((o) => o.isco_code)),
        skills: new Set(skills.map((s) => s.code)),
      };

      await em.query(`INSERT INTO app_user (identifier, email, role, password_hash) VALUES ($1, $1, $2, $3)`, [
        DEMO_COORDINATOR,
        Role.COORDINATOR,
        passwordHash,
      ]);
      const [coordinator] = await em.query(`SELECT id FROM app_user WHERE identifier = $1`, [DEMO_COORDINATOR]);
      await ensureDemoConsul(em, passwordHash);

      // Employers, all verified, each with one login (only the demo employer's password is known).
      const employerIds: string[] = [];
      for (const e of DEMO_EMPLOYERS) {
        const problems = employerProblems(e, regionCountry);
        if (problems.length) fail(`employer ${e.legalName}`, problems);
        const [row] = await em.query(
          `INSERT INTO employer (legal_name, trade_name, country, region_code, city, sector, program, program_reference,
             contact_name, contact_email, contact_phone, status, verified_at, verified_by)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,'VERIFIED',now(),$12) RETURNING id`,
          [e.legalName, e.tradeName, e.country, e.regionCode, e.city, e.sector, e.program, e.programReference, e.contactName,
            e.contactEmail, e.contactPhone, coordinator.id],
        );
        employerIds.push(row.id);
        await em.query(`INSERT INTO app_user (identifier, email, role, password_hash, employer_id) VALUES ($1, $1, 'EMPLOYER', $2, $3)`, [
          e.contactEmail,
          e.contactEmail === DEMO_EMPLOYER ? passwordHash : null,
          row.id,
        ]);
      }

      // Job orders: most open for matching, some waiting for approval, a few drafts.
      for (const [i, o] of DEMO_JOB_ORDERS.entries()) {
        const employer = DEMO_EMPLOYERS[o.employerIndex]!;
        const startDate = addDays(today, 30 * o.startMonthOffset);
        const draft = { ...o, workRegionCode: o.regionCode, startDate, employerPaysRecruitment: true, employerPaysTravel: true };
        const problems = jobOrderProblems(draft, { employerCountry: employer.country, regionCountry, ...known, today });
        if (problems.length) fail(`job order ${o.title}`, problems);
        const status = i % 10 === 8 ? 'SUBMITTED' : i % 10 === 9 ? 'DRAFT' : 'OPEN';
        await em.query(
          `INSERT INTO job_order (reference, employer_id, title, isco_code, destination_occupation_system, destination_occupation_code,
             positions, required_skills, preferred_skills, languages, required_language_levels, min_experience_years,
             work_region_code, work_city, start_date, duration_weeks, end_date, hourly_wage, currency, hours_per_week,
             housing_provided, housing_description, employer_pays_recruitment, employer_pays_travel, status,
             submitted_at, approved_at, approved_by)
           VALUES ('JO-' || $1 || '-' || lpad(nextval('job_order_number_seq')::text, 6, '0'), $2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,
             $15,$16,$17,$18,$19,$20,$21,$22,true,true,$23,
             CASE WHEN $23 <> 'DRAFT' THEN now() END, CASE WHEN $23 = 'OPEN' THEN now() END, CASE WHEN $23 = 'OPEN' THEN $24::uuid END)`,
          [today.slice(0, 4), employerIds[o.employerIndex], o.title, o.iscoCode, destinationSystem(employer.country),
            o.destinationOccupationCode, o.positions, o.requiredSkills, o.preferredSkills, JSON.stringify(o.languages),
            o.languages.map((l) => `${l.code}:${l.level}`), o.minExperienceYears, o.regionCode, o.workCity, startDate,
            o.durationWeeks, endDate(startDate, o.durationWeeks), o.hourlyWage, currencyOf(employer.country), o.hoursPerWeek,
            o.housingProvided, o.housingDescription, status, coordinator.id],
        );
      }

      // Applicants: 15-20% women (the research's registration share), ages 18-55, mostly rural trades.
      const byDepartment = new Map<string, string[]>();
      for (const m of municipalities) byDepartment.set(m.department_code, [...(byDepartment.get(m.department_code) ?? []), m.code]);
      const skillsOf = (isco: string) => skills.filter((s) => s.occupation_codes.includes(isco)).map((s) => s.code);
      const usedDui = new Set<string>();
      let demoApplicant = '';
      const rows: unknown[][] = [];
      // Documents as a coordinator recorded them: every passport, and for a sixth of the pool (the demo applicant
      // among them) a medical certificate and a police record issued lately, valid through the contract of the order
      // they were shaped after and its margin. One worker's police record expires in the middle of that contract, so
      // matching leaves them out of it and says why. A generator of their own keeps the rest of the pool as it was.
      const docRnd = random(20261202);
      const documents = new Map<string, { kind: DocumentKind; number: string | null; issueDate: string; expiryDate: string; issuingAuthority: string }[]>();
      let midContractShown = false;
      for (let n = 0; n < applicants; n++) {
        let nationalId: string;
        do nationalId = duiWithCheckDigit(String(rnd.int(100_000_000)).padStart(8, '0'));
        while (usedDui.has(nationalId));
        usedDui.add(nationalId);
        const female = rnd.next() < 0.18;
        const age = 18 + Math.min(37, Math.floor(-Math.log(1 - rnd.next()) * 12));
        const birthDate = addDays(addDays(today, -Math.round(age * 365.25)), -rnd.int(300));
        // A third of the pool is shaped after one demo order (its trade, its required skills and languages), so
        // matching the demo orders finds real shortlists; the rest is drawn freely.
        const fits = n % 3 === 0 ? DEMO_JOB_ORDERS[(n / 3) % DEMO_JOB_ORDERS.length] : undefined;
        const occupation = fits?.iscoCode ?? rnd.pick(occupations).isco_code;
        const second = rnd.next() < 0.3 ? [rnd.pick(occupations).isco_code] : [];
        const occ = [...new Set([occupation, ...second])];
        const skillSet = [
          ...new Set([...(fits?.requiredSkills ?? []), ...(fits ? rnd.sample(fits.preferredSkills, rnd.int(3)) : []), ...occ.flatMap((o) => rnd.sample(skillsOf(o), 2 + rnd.int(4)))]),
        ];
        const languages: LanguageSkill[] = [{ code: 'es', level: 'NATIVE' }];
        for (const required of fits?.languages ?? []) if (required.code !== 'es') languages.push({ code: required.code, level: rnd.pick(['B1', 'B2'] as const) });
        if (!languages.some((l) => l.code === 'en') && rnd.next() < 0.35) languages.push({ code: 'en', level: rnd.pick(['A1', 'A1', 'A2', 'B1'] as const) });
        if (!languages.some((l) => l.code === 'fr') && rnd.next() < 0.05) languages.push({ code: 'fr', level: 'A1' });
        const roll = rnd.next();
        const status = n === 0 || roll < 0.6 ? 'AVAILABLE' : roll < 0.8 ? 'VERIFIED' : 'REGISTERED';
        const hasPassport = status === 'AVAILABLE' || rnd.next() < 0.5;
        const department = rnd.weighted(DEPARTMENT_WEIGHTS);
        const draft = {
          nationalId,
          firstNames: rnd.pick(female ? FIRST_NAMES_F : FIRST_NAMES_M),
          lastNames: `${rnd.pick(LAST_NAMES)} ${rnd.pick(LAST_NAMES)}`,
          birthDate,
          gender: female ? 'FEMALE' : 'MALE',
          municipalityCode: rnd.pick(byDepartment.get(department) ?? [municipalities[0]!.code]),
          phone: `+503${rnd.pick(['6', '7'])}${String(rnd.int(10_000_000)).padStart(7, '0')}`,
          email: n === 0 ? DEMO_APPLICANT_EMAIL : null,
          occupations: occ,
          skills: skillSet,
          languages,
          yearsExperience: (fits?.minExperienceYears ?? 0) + rnd.int(12),
          education: rnd.pick(EDUCATION_LEVELS.slice(0, 5)),
          passportNumber: hasPassport ? `A${String(70_000_000 + n).padStart(8, '0')}` : null,
          passportExpiry: hasPassport ? addDays(today, (fits ? 1500 : 200) + rnd.int(3000)) : null,
        };
        const problems = applicantProblems(draft, known, today);
        if (problems.length) fail(`applicant ${n}`, problems);
        if (n === 0) demoApplicant = nationalId;
        const docs: { kind: DocumentKind; number: string | null; issueDate: string; expiryDate: string; issuingAuthority: string }[] = [];
        if (draft.passportNumber && draft.passportExpiry) {
          const issueDate = [addDays(draft.passportExpiry, -5 * 365), addDays(today, -1 - docRnd.int(30))].sort()[0]!;
          docs.push({ kind: 'PASSPORT', number: draft.passportNumber, issueDate, expiryDate: draft.passportExpiry, issuingAuthority: 'Dirección General de Migración y Extranjería' });
        }
        const midContract: boolean = !midContractShown && fits !== undefined && n % 6 === 3 && status === 'AVAILABLE';
        if (fits && status === 'AVAILABLE' && (n % 6 === 0 || midContract)) {
          const start = addDays(today, 30 * fits.startMonthOffset);
          const end = endDate(start, fits.durationWeeks);
          const valid = () => addDays(end, 90 + docRnd.int(365));
          docs.push({ kind: 'MEDICAL_CERTIFICATE', number: null, issueDate: addDays(today, -1 - docRnd.int(60)), expiryDate: valid(), issuingAuthority: 'Unidad Comunitaria de Salud Familiar' });
          docs.push({
            kind: 'POLICE_RECORD',
            number: `PNC${String(docRnd.int(100_000_000)).padStart(8, '0')}`,
            issueDate: addDays(today, -1 - docRnd.int(60)),
            expiryDate: midContract ? addDays(start, Math.floor((fits.durationWeeks * 7) / 2)) : valid(),
            issuingAuthority: 'Policía Nacional Civil',
          });
          midContractShown ||= midContract;
        }
        for (const d of docs) {
          const docProblems = documentProblems(d, today);
          if (docProblems.length) fail(`applicant ${n}'s ${d.kind}`, docProblems);
        }
        if (docs.length) documents.set(cipher.blindIndex('dui', nationalId), docs);
        const earliest = earliestMatchingExpiry(docs);
        rows.push([
          cipher.encrypt('dui', draft.nationalId), cipher.blindIndex('dui', draft.nationalId), draft.firstNames, draft.lastNames, draft.birthDate, draft.gender, draft.municipalityCode, draft.phone, draft.email,
          draft.occupations, draft.skills, JSON.stringify(languages), languageLevelTokens(languages), draft.yearsExperience,
          draft.education,
          draft.passportNumber && cipher.encrypt('passport', draft.passportNumber),
          draft.passportNumber && cipher.blindIndex('passport', draft.passportNumber),
          draft.passportExpiry, status, status === 'REGISTERED' ? null : coordinator.id,
          coordinator.id, earliest?.expiryDate ?? null, earliest?.kind ?? null,
        ]);
      }
      // Bulk insert in chunks: one statement per 500 rows, not one per applicant.
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        const values = chunk.map((r, j) => `(${r.map((_, k) => `$${j * r.length + k + 1}`).join(',')}, now() - interval '1 second' * ${i + j})`);
        await em.query(
          `INSERT INTO applicant (national_id_enc, national_id_hash, first_names, last_names, birth_date, gender, municipality_code, phone,
             email, occupations, skills, languages, language_levels, years_experience, education, passport_number_enc, passport_number_hash,
             passport_expiry, status,
             verified_by, registered_by, document_expiry, document_expiry_kind, created_at)
           VALUES ${values.join(',')}`,
          chunk.flat(),
        );
      }
      await em.query(`UPDATE applicant SET verified_at = created_at WHERE verified_by IS NOT NULL`);
      const ids = new Map<string, string>(
        (await em.query(`SELECT id, national_id_hash FROM applicant WHERE registered_by = $1`, [coordinator.id])).map((a: { id: string; national_id_hash: string }) => [a.national_id_hash, a.id]),
      );
      const documentRows = [...documents].flatMap(([hash, docs]) =>
        docs.map((d) => [ids.get(hash), d.kind, d.number && cipher.encrypt('document', d.number), d.issueDate, d.expiryDate, d.issuingAuthority, coordinator.id]),
      );
      for (let i = 0; i < documentRows.length; i += 500) {
        const chunk = documentRows.slice(i, i + 500);
        await em.query(
          `INSERT INTO applicant_document (applicant_id, kind, number_enc, issue_date, expiry_date, issuing_authority, recorded_by)
           VALUES ${chunk.map((r, j) => `(${r.map((_, k) => `$${j * r.length + k + 1}`).join(',')})`).join(',')}`,
          chunk.flat(),
        );
      }
      // Each seeded applicant signs in with their DUI and the demo password, not forced to change it (a demo).
      // One argon2 hash shared by all: 2,000 hashes would take minutes. The login is the DUI's blind index.
      await em.query(
        `INSERT INTO app_user (identifier, role, password_hash, applicant_id)
         SELECT national_id_hash, 'APPLICANT', $2, id FROM applicant WHERE registered_by = $1`,
        [coordinator.id, passwordHash],
      );
      return { coordinator: DEMO_COORDINATOR, employer: DEMO_EMPLOYER, applicant: demoApplicant, consul: DEMO_CONSUL, password: DEMO_PASSWORD, seeded: true };
    });
    // The demo's statistics at once, as the nightly refresh would build them (quietly: stdout carries the logins).
    if (logins.seeded) await new StatisticsRefreshService(ds).refresh(todayIso(), { log: false });
    return logins;
  } finally {
    await ds.destroy();
  }
}
