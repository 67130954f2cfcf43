import { randomInt } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountService, AuthService, UserEntity } from '@puente/auth';
import { Actor, addDays, DomainException, ErrorCode, Role, todayIso } from '@puente/common';
import { PuenteConfig } from '@puente/config';
import { ApplicantDraft, ApplicantEntity, ApplicantService } from '@puente/domain/applicants';
import { EmployerDraft, EmployerEntity, EmployerService } from '@puente/domain/employers';
import { JobOrderDraft, JobOrderEntity, JobOrderService } from '@puente/domain/job-orders';
import { CandidateEntity, MatchingRunEntity, MatchingService, SelectionService } from '@puente/domain/matching';
import { ScheduleOutcome, SeatingService } from '@puente/domain/contingents';
import { applicantDraft, DEFAULT_OCCUPATION, employerDraft } from './drafts';

/** How many registrations run at once: each hashes a password (argon2), and the machine is shared. */
const CONCURRENCY = 4;

export type JobOrderStage = 'DRAFT' | 'SUBMITTED' | 'OPEN';

/** A verified employer and the actor of its one user, to act as that employer. */
export interface TestEmployer {
  employer: EmployerEntity;
  actor: Actor;
}

/**
 * Valid rows made through the services, as the api would make them: every rule, every side effect (logins,
 * notifications, queued jobs) included. Defaults are fixed; what must be unique (national IDs, passports, program
 * references, e-mails) comes from a counter on a base drawn once per instance, so suites sharing the database never
 * collide. Dates count from `todayIso()`. Each method takes the fields to override. The services they go through
 * are those `bootTestModule` always boots.
 */
export class TestFactories {
  private base = randomInt(1_000, 10_000);
  private count = 0;
  private staff: Actor | null = null;
  private admin: Actor | null = null;

  constructor(private readonly app: INestApplicationContext) {}

  private get<T>(type: abstract new (...args: never[]) => T): T {
    return this.app.get(type as never, { strict: false }) as T;
  }

  /** The next number of this instance: eight digits, unique across instances but for a one in ten thousand draw. */
  private next(): number {
    this.count++;
    if (this.count % 10_000 === 0) this.base = randomInt(1_000, 10_000);
    return this.base * 10_000 + (this.count % 10_000);
  }

  /** A coordinator with a login of its own (no password: it never signs in), created once per instance. */
  async coordinator(): Promise<Actor> {
    if (!this.staff) {
      const user = await this.staffUser(Role.COORDINATOR);
      this.staff = { userId: user.id, role: Role.COORDINATOR, employerId: null, applicantId: null };
    }
    return this.staff;
  }

  /**
   * A ministry staff login (coordinator or administrator) as an administrator opens one, without a password unless
   * given; `active: false` deactivates it afterwards, as an administrator would (sessions ended, audited).
   */
  async staffUser(role: Role.COORDINATOR | Role.ADMIN, { email = `staff-${this.next()}@puente.test`, password = null as string | null, active = true } = {}): Promise<UserEntity> {
    const user = await this.get(DataSource).transaction((em) => this.get(AuthService).createUser(em, { identifier: email, email, role, password }));
    if (active) return user;
    return this.get(AccountService).deactivate(await this.administrator(), user.id, 'Deactivated by a test factory.');
  }

  /**
   * The configured administrator (PUENTE_ADMIN_EMAIL, made at boot by `bootTestModule` as by the api), so a test
   * leaves no administrator of its own behind: while one exists, an api booting on the same database would not
   * create the configured one and the end-to-end suites could not sign in.
   */
  private async administrator(): Promise<Actor> {
    if (!this.admin) {
      const configured = this.get(PuenteConfig).bootstrapAdmin;
      const found = configured ? await this.get(DataSource).manager.findOneBy(UserEntity, { identifier: configured.email.toLowerCase(), role: Role.ADMIN }) : null;
      const user = found ?? (await this.staffUser(Role.ADMIN));
      this.admin = { userId: user.id, role: Role.ADMIN, employerId: null, applicantId: null };
    }
    return this.admin;
  }

  applicantDraft(overrides: Partial<ApplicantDraft> = {}): ApplicantDraft {
    return applicantDraft(this.next(), overrides);
  }

  /**
   * An applicant registered at the desk by a coordinator and, unless `verified: false`, verified: AVAILABLE with
   * the default passport, VERIFIED without one (`passportNumber: null, passportExpiry: null`).
   */
  async applicant(overrides: Partial<ApplicantDraft> = {}, { verified = true } = {}): Promise<ApplicantEntity> {
    const coordinator = await this.coordinator();
    const applicants = this.get(ApplicantService);
    const { applicant } = await this.retryOnConflict(() => applicants.register(coordinator, this.applicantDraft(overrides)));
    return verified ? applicants.verify(coordinator, applicant.id) : applicant;
  }

  /** `count` applicants as `applicant` makes them, in order. */
  async applicants(count: number, overrides: Partial<ApplicantDraft> = {}, options: { verified?: boolean } = {}): Promise<ApplicantEntity[]> {
    const made: ApplicantEntity[] = [];
    for (let i = 0; i < count; i += CONCURRENCY) {
      made.push(...(await Promise.all(Array.from({ length: Math.min(CONCURRENCY, count - i) }, () => this.applicant(overrides, options)))));
    }
    return made;
  }

  employerDraft(overrides: Partial<EmployerDraft> = {}): EmployerDraft {
    return employerDraft(this.next(), overrides);
  }

  /** An employer signed up (with one user, its contact) and, unless `verified: false`, verified by a coordinator. */
  async employer(overrides: Partial<EmployerDraft> = {}, { verified = true } = {}): Promise<TestEmployer> {
    const employers = this.get(EmployerService);
    let employer = await this.retryOnConflict(() => employers.register(this.employerDraft(overrides), `password-${this.next()}-long`));
    if (verified) employer = await employers.verify(await this.coordinator(), employer.id);
    // No service looks a login up by its employer (sign-in is by e-mail): read the one sign-up created.
    const user = await this.get(DataSource).manager.findOneByOrFail(UserEntity, { employerId: employer.id });
    return { employer, actor: { userId: user.id, role: Role.EMPLOYER, employerId: employer.id, applicantId: null } };
  }

  jobOrderDraft(overrides: Partial<JobOrderDraft> = {}): JobOrderDraft {
    return {
      title: 'Farm worker – harvest',
      iscoCode: DEFAULT_OCCUPATION.isco,
      destinationOccupationCode: DEFAULT_OCCUPATION.noc,
      positions: 10,
      requiredSkills: [],
      preferredSkills: [],
      languages: [],
      minExperienceYears: 1,
      workRegionCode: 'CA-QC',
      workCity: 'Laval',
      startDate: addDays(todayIso(), 60),
      durationWeeks: 26,
      hourlyWage: 16.1,
      hoursPerWeek: 40,
      housingProvided: true,
      housingDescription: 'On-farm bunkhouse',
      employerPaysRecruitment: true,
      employerPaysTravel: true,
      ...overrides,
    } as JobOrderDraft;
  }

  /**
   * A job order its employer drafted and, by `stage` (OPEN unless told), submitted and approved by a coordinator.
   * Approval queues its matching run on the run's queue when MatchingModule is booted; nothing runs it (see `matchingRun`).
   */
  async jobOrder(owner: TestEmployer, overrides: Partial<JobOrderDraft> = {}, stage: JobOrderStage = 'OPEN'): Promise<JobOrderEntity> {
    const orders = this.get(JobOrderService);
    let order = await orders.create(owner.actor, this.jobOrderDraft(overrides));
    if (stage !== 'DRAFT') order = await orders.submit(owner.actor, order.id);
    if (stage === 'OPEN') order = await orders.approve(await this.coordinator(), order.id);
    return order;
  }

  /** A matching run of these open orders, requested by a coordinator and computed here (as the worker's job would). */
  async matchingRun(jobOrderIds: readonly string[]): Promise<MatchingRunEntity> {
    const matching = this.get(MatchingService);
    const run = await matching.requestRun(await this.coordinator(), jobOrderIds);
    await matching.execute(run.id);
    return matching.findRun(await this.coordinator(), run.id);
  }

  /** A coordinator selects these applicants for the order (by id, shortlisted or not), 500 at a time as the api allows. */
  async selection(jobOrderId: string, applicantIds: readonly string[]): Promise<CandidateEntity[]> {
    const selected: CandidateEntity[] = [];
    for (let i = 0; i < applicantIds.length; i += 500) {
      selected.push(...(await this.get(SelectionService).select(await this.coordinator(), jobOrderId, applicantIds.slice(i, i + 500))));
    }
    return selected;
  }

  /**
   * An open order of `positions` with as many new applicants who meet it, all selected (the order is FILLED):
   * the usual start of a season. Overrides go to the order; the applicants follow its occupation.
   */
  async filledJobOrder(owner: TestEmployer, positions: number, overrides: Partial<JobOrderDraft> = {}): Promise<{ order: JobOrderEntity; applicants: ApplicantEntity[] }> {
    const draft = this.jobOrderDraft({ ...overrides, positions });
    const applicants = await this.applicants(positions, { occupations: [draft.iscoCode] });
    const opened = await this.jobOrder(owner, draft);
    await this.selection(opened.id, applicants.map((a) => a.id));
    const order = await this.get(JobOrderService).findForActor(await this.coordinator(), opened.id);
    return { order, applicants };
  }

  /** Seats the order's selected workers (and those of its region and start date) in contingents, with their timelines. */
  contingents(jobOrderId: string, { capacity, today = todayIso() }: { capacity?: number; today?: string } = {}): Promise<ScheduleOutcome> {
    return this.get(SeatingService).schedule(jobOrderId, capacity, today);
  }

  /** A unique value that a parallel suite drew too: draw another base and try once more. */
  private async retryOnConflict<T>(make: () => Promise<T>): Promise<T> {
    try {
      return await make();
    } catch (error) {
      if (!(error instanceof DomainException) || error.code !== ErrorCode.CONFLICT) throw error;
      this.base = randomInt(1_000, 10_000);
      return make();
    }
  }
}
