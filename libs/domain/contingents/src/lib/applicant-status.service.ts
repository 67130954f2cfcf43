import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, Role } from '@puente/common';
import type { ApplicantStatus } from '@puente/domain/applicants';
import { stepOrderSql, type StepKind } from './timeline.policy';
import { SEASON_OUTCOME_READER, type MyEvaluation, type MyRehireEligibility, type SeasonOutcomeReader } from './season-outcome.port';

export type { MyEvaluation, MyRehireEligibility } from './season-outcome.port';

export interface MyStep {
  step: StepKind;
  dueDate: string;
  status: string;
  blocking: boolean;
  note: string | null;
}

export interface MyJobOrder {
  reference: string;
  title: string;
  employerName: string;
  workCity: string;
  workRegionCode: string;
  startDate: string;
  endDate: string;
  hourlyWage: number;
  currency: string;
  hoursPerWeek: number;
  housingProvided: boolean;
}

export interface MyContingent {
  reference: string;
  departureDate: string;
  status: string;
}

export interface MyStatus {
  stage: ApplicantStatus;
  rehireEligibility: MyRehireEligibility | null;
  lastEvaluation: MyEvaluation | null;
  nextSteps: MyStep[];
  jobOrder: MyJobOrder | null;
  contingent: MyContingent | null;
  updatedAt: Date;
}

/**
 * What an applicant sees of their own journey: their stage; the order they were selected for (while selected,
 * travelling or back from it); their contingent and departure date; and the steps still to do, soonest first.
 * Read fresh every time, so a live update is never stale.
 */
@Injectable()
export class ApplicantStatusService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    // Optional so a composition without rehire (a test module of the lower domains) still boots; reading a status
    // there fails loudly instead of answering without the season's outcome.
    @Optional() @Inject(SEASON_OUTCOME_READER) private readonly seasons?: SeasonOutcomeReader,
  ) {}

  /** The status of the applicant who asks; null for anyone else (an applicant reads only their own). */
  forActor(actor: Actor): Promise<MyStatus | null> {
    return actor.role === Role.APPLICANT && actor.applicantId ? this.of(actor.applicantId) : Promise.resolve(null);
  }

  async of(applicantId: string): Promise<MyStatus | null> {
    const [me]: { stage: ApplicantStatus; updatedAt: Date }[] = await this.dataSource.query(`SELECT status AS stage, updated_at AS "updatedAt" FROM applicant WHERE id = $1`, [
      applicantId,
    ]);
    if (!me) return null;
    // What came of the last season, from rehire, which owns it.
    if (!this.seasons) throw new Error('myStatus needs the season outcome rehire provides: compose RehireModule');
    const season = await this.seasons.seasonOutcomeOf(applicantId);
    // The current selection's seat or journey (a returnee selected again sees the new season, not the last one);
    // failing a seat, the selection itself; with no selection, the latest journey (home from it).
    const [journey]: { travellerId: string | null; jobOrderId: string; reference: string | null; departureDate: string | null; status: string | null }[] =
      await this.dataSource.query(
        `WITH selection AS (SELECT job_order_id FROM candidate WHERE applicant_id = $1 AND status = 'SELECTED' LIMIT 1)
         (SELECT t.id AS "travellerId", t.job_order_id AS "jobOrderId", k.reference, to_char(k.departure_date, 'YYYY-MM-DD') AS "departureDate", k.status
          FROM traveller t JOIN contingent k ON k.id = t.contingent_id
          WHERE t.applicant_id = $1 AND t.status NOT IN ('WITHDRAWN', 'REPLACED', 'CANCELLED')
            AND (NOT EXISTS (SELECT 1 FROM selection) OR t.job_order_id = (SELECT job_order_id FROM selection))
          ORDER BY t.created_at DESC LIMIT 1)
         UNION ALL
         (SELECT NULL, job_order_id, NULL, NULL, NULL FROM selection)
         LIMIT 1`,
        [applicantId],
      );
    const onJourney = journey && (journey.travellerId ? ['PRE_DEPARTURE', 'DEPLOYED', 'RETURNED'].includes(me.stage) : me.stage === 'SELECTED');
    if (!onJourney) return { stage: me.stage, ...season, nextSteps: [], jobOrder: null, contingent: null, updatedAt: me.updatedAt };
    const [jobOrder]: MyJobOrder[] = await this.dataSource.query(
      `SELECT o.reference, o.title, e.legal_name AS "employerName", o.work_city AS "workCity", o.work_region_code AS "workRegionCode",
              to_char(o.start_date, 'YYYY-MM-DD') AS "startDate", to_char(o.end_date, 'YYYY-MM-DD') AS "endDate", o.hourly_wage::float AS "hourlyWage",
              o.currency, o.hours_per_week AS "hoursPerWeek", o.housing_provided AS "housingProvided"
       FROM job_order o JOIN employer e ON e.id = o.employer_id WHERE o.id = $1`,
      [journey.jobOrderId],
    );
    const nextSteps: MyStep[] = journey.travellerId
      ? await this.dataSource.query(
          `SELECT kind AS step, to_char(due_date, 'YYYY-MM-DD') AS "dueDate", status, blocking, note FROM travel_step
           WHERE traveller_id = $1 AND status IN ('PENDING', 'OVERDUE', 'INFEASIBLE') ORDER BY due_date, ${stepOrderSql('kind')}`,
          [journey.travellerId],
        )
      : [];
    const contingent = journey.travellerId ? { reference: journey.reference!, departureDate: journey.departureDate!, status: journey.status! } : null;
    return { stage: me.stage, ...season, nextSteps, jobOrder: jobOrder ?? null, contingent, updatedAt: me.updatedAt };
  }
}
