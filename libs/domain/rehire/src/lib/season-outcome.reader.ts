import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { todayIso } from '@puente/common';
import { type MyEvaluation, type MyRehireEligibility, type SeasonOutcome, type SeasonOutcomeReader } from '@puente/domain/contingents';
import { contestWindowCloses } from './evaluation-contest.rules';

/** Rehire's side of contingents' read port: the current decision and the last evaluation (with its contest), for `myStatus`. */
@Injectable()
export class SeasonOutcomeService implements SeasonOutcomeReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async seasonOutcomeOf(applicantId: string): Promise<SeasonOutcome> {
    const [rehireEligibility]: MyRehireEligibility[] = await this.dataSource.query(
      `SELECT outcome, needs_passport_renewal AS "needsPassportRenewal", reasons, created_at AS "decidedAt" FROM rehire_decision WHERE applicant_id = $1 AND current`,
      [applicantId],
    );
    const [last]: Omit<MyEvaluation, 'contestableUntil'>[] = await this.dataSource.query(
      `SELECT v.id, v.overall, v.would_rehire AS "wouldRehire", v.comments, e.legal_name AS "employerName", v.created_at AS "submittedAt",
              v.contest_status AS "contestStatus", v.counts
       FROM evaluation v JOIN employer e ON e.id = v.employer_id WHERE v.applicant_id = $1 ORDER BY v.created_at DESC LIMIT 1`,
      [applicantId],
    );
    // The contest window from the rule the contest itself is checked with.
    const lastEvaluation = last ? { ...last, contestableUntil: contestWindowCloses(todayIso(last.submittedAt)) } : null;
    return { rehireEligibility: rehireEligibility ?? null, lastEvaluation };
  }
}
