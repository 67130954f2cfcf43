import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, DomainException, isUuid, Page, Role, todayIso } from '@puente/common';
import { keysetAfterSql, recordAudit } from '@puente/database';
import { queueDelivery, recordNotifications } from '@puente/notifications';
import { UnitOfWork } from '@puente/queue';
import { statisticsRefresh } from '@puente/queue-contracts';
import { lockPlacement } from '@puente/domain/contingents';
import { ReferenceData, ReferenceService } from '@puente/domain/reference';
import { ReturneeRecordEntity } from './returnee-record.entity';
import {
  assertMayRecord,
  assertReferable,
  changedReturneeFields,
  cleanReferral,
  cleanReturneeRecord,
  daysAbroad,
  filledReturneeFields,
  ReturneeRecordFacts,
  ReturneeRecordInput,
  SavingsUse,
  TO_REFER_SQL,
} from './returnee-record.rules';

export interface RecordReturneeCommand extends ReturneeRecordInput {
  placementId: string;
}

export interface ReturneeSkillView {
  iscoCode: string;
  /** The occupation's title in the reference data. */
  title: string;
  hours: number;
}

export interface ReturneeReferralView {
  institution: string;
  referredAt: Date;
  /** Staff only: null in the worker's own view. */
  referredBy: string | null;
  note: string | null;
}

/** A returnee record as its reader sees it, with the season it is about. */
export interface ReturneeRecordView {
  id: string;
  placementId: string;
  applicantId: string;
  currency: string;
  earnings: number | null;
  remittances: number | null;
  savingsUses: SavingsUse[];
  skills: ReturneeSkillView[];
  wantsDomesticJob: boolean;
  wantsTraining: boolean;
  trainingWanted: string | null;
  recordedBy: string;
  recordedAt: Date;
  correctedBy: string | null;
  correctedAt: Date | null;
  referral: ReturneeReferralView | null;
  season: { jobOrderReference: string; employerName: string; departedOn: string; returnedOn: string | null };
  /** The keyset of the lists: when it was first recorded. */
  createdAt: Date;
}

/** A returnee in the coordinators' referral list: the record, who and where from. */
export interface ReturneeToReferView extends ReturneeRecordView {
  applicantName: string;
  municipalityCode: string;
  departmentCode: string;
}

export interface ReturneesToReferFilter {
  departmentCode?: string | null;
  iscoCode?: string | null;
  /** true: referred already; false: not yet; null or absent: both. */
  referred?: boolean | null;
}

interface RecordRow {
  id: string;
  placementId: string;
  applicantId: string;
  currency: string;
  earnings: number | null;
  remittances: number | null;
  savingsUses: SavingsUse[];
  skills: { iscoCode: string; hours: number }[];
  wantsDomesticJob: boolean;
  wantsTraining: boolean;
  trainingWanted: string | null;
  recordedBy: string;
  createdAt: Date;
  correctedBy: string | null;
  correctedAt: Date | null;
  referredAt: Date | null;
  referredBy: string | null;
  referralInstitution: string | null;
  referralNote: string | null;
  jobOrderReference: string;
  employerName: string;
  departedOn: string;
  returnedOn: string | null;
  applicantName?: string;
  municipalityCode?: string;
}

const RECORD_COLUMNS = `r.id, r.placement_id AS "placementId", r.applicant_id AS "applicantId", r.currency,
  r.earnings::float8 AS earnings, r.remittances::float8 AS remittances, r.savings_uses AS "savingsUses", r.skills,
  r.wants_domestic_job AS "wantsDomesticJob", r.wants_training AS "wantsTraining", r.training_wanted AS "trainingWanted",
  r.recorded_by AS "recordedBy", r.created_at AS "createdAt", r.corrected_by AS "correctedBy", r.corrected_at AS "correctedAt",
  r.referred_at AS "referredAt", r.referred_by AS "referredBy", r.referral_institution AS "referralInstitution", r.referral_note AS "referralNote",
  o.reference AS "jobOrderReference", m.legal_name AS "employerName",
  to_char(p.departed_on, 'YYYY-MM-DD') AS "departedOn", to_char(p.returned_on, 'YYYY-MM-DD') AS "returnedOn"`;
// The season a record is about: its placement, order and employer (joins kept for set-based reads).
const RECORD_JOINS = `JOIN placement p ON p.id = r.placement_id JOIN job_order o ON o.id = p.job_order_id JOIN employer m ON m.id = p.employer_id`;

const isStaff = (actor: Actor) => actor.role === Role.COORDINATOR || actor.role === Role.ADMIN;

const factsOf = (r: ReturneeRecordEntity): ReturneeRecordFacts => ({
  earnings: r.earnings,
  remittances: r.remittances,
  savingsUses: r.savingsUses,
  skills: r.skills,
  wantsDomesticJob: r.wantsDomesticJob,
  wantsTraining: r.wantsTraining,
  trainingWanted: r.trainingWanted,
});

/**
 * What a worker brings home from a season (issue 15): the returnee record of a placement, written by the worker
 * (their own) or by staff once the worker is home, corrected by a later call (who and when kept; the audit trail
 * names the fields changed, never their values), and the coordinators' referral of returnees for certification
 * (once, kept through corrections). The rules are in `returnee-record.rules.ts`.
 */
@Injectable()
export class ReturneeRecordService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly reference: ReferenceService,
  ) {}

  /**
   * Records the season of a placement, or corrects its record: the call states the whole record (what it leaves
   * out is not reported). A correction that changes nothing changes nothing, not even who corrected it last.
   */
  async record(actor: Actor, input: RecordReturneeCommand, today = todayIso()): Promise<ReturneeRecordView> {
    const occupations = (await this.reference.data()).codes.occupations;
    const id = await this.uow.run('rehire.record-returnee', async (tx) => {
      const em = tx.em;
      tx.addJob(...statisticsRefresh('rehire.record-returnee'));
      // The placement's lock makes a first record and a correction (or two first records) take turns.
      const p = await lockPlacement(em, input.placementId);
      if (!p) throw DomainException.notFound('Placement');
      assertMayRecord(actor, p, today);
      const facts = cleanReturneeRecord(input, { occupations, daysAbroad: daysAbroad(p) });
      const existing = await em.findOne(ReturneeRecordEntity, { where: { placementId: p.id }, lock: { mode: 'pessimistic_write' } });
      if (!existing) {
        const [order]: { currency: 'USD' | 'CAD' }[] = await em.query(`SELECT currency FROM job_order WHERE id = $1`, [p.jobOrderId]);
        const saved = await em.save(em.create(ReturneeRecordEntity, { placementId: p.id, applicantId: p.applicantId, currency: order!.currency, ...facts, recordedBy: actor.userId }));
        await recordAudit(em, actor, { action: 'record-returnee-record', entity: 'returnee_record', entityId: saved.id, fields: filledReturneeFields(facts) });
        return saved.id;
      }
      const changed = changedReturneeFields(factsOf(existing), facts);
      if (changed.length === 0) return existing.id;
      // The referral, and who recorded it first, stay as they are; the time is the database's, as created_at is.
      await em.createQueryBuilder().update(ReturneeRecordEntity).set({ ...facts, correctedBy: actor.userId, correctedAt: () => 'now()' }).where('id = :id', { id: existing.id }).execute();
      await recordAudit(em, actor, { action: 'correct-returnee-record', entity: 'returnee_record', entityId: existing.id, fields: changed });
      return existing.id;
    });
    return (await this.byId(this.dataSource.manager, id, actor))!;
  }

  /**
   * A coordinator refers a returnee for certification (or the training or domestic jobs they asked about) to an
   * institution, once (`assertReferable`); the worker is told where. Outside staff, NOT_FOUND.
   */
  async refer(actor: Actor, input: { returneeRecordId: string; institution: string; note?: string | null }): Promise<ReturneeRecordView> {
    if (!isStaff(actor)) throw DomainException.notFound('Returnee record');
    const referral = cleanReferral(input);
    await this.uow.run('rehire.refer-returnee', async (tx) => {
      const em = tx.em;
      tx.addJob(...statisticsRefresh('rehire.refer-returnee'));
      const r = isUuid(input.returneeRecordId)
        ? await em.findOne(ReturneeRecordEntity, { where: { id: input.returneeRecordId }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!r) throw DomainException.notFound('Returnee record');
      assertReferable(r);
      await em
        .createQueryBuilder()
        .update(ReturneeRecordEntity)
        .set({ referredAt: () => 'now()', referredBy: actor.userId, referralInstitution: referral.institution, referralNote: referral.note })
        .where('id = :id', { id: r.id })
        .execute();
      await recordAudit(em, actor, {
        action: 'refer-returnee-record',
        entity: 'returnee_record',
        entityId: r.id,
        fields: referral.note ? ['referralInstitution', 'referralNote'] : ['referralInstitution'],
      });
      queueDelivery(tx, await recordNotifications(em, [{
        dedupeKey: `returnee-referred:${r.id}`,
        audience: 'APPLICANT',
        applicantId: r.applicantId,
        kind: 'RETURNEE_REFERRED',
        subject: `You were referred to ${referral.institution}`,
        body: `The ministry referred you to ${referral.institution} for what you told us after your season (skills to certify, training or work in El Salvador). They will contact you.`,
      }]));
    });
    return (await this.byId(this.dataSource.manager, input.returneeRecordId, actor))!;
  }

  /**
   * The record of one placement as the actor may see it, or null when none was recorded yet: the worker their own
   * placement's, staff any; another's placement, and any for another role, is NOT_FOUND.
   */
  async recordForActor(actor: Actor, placementId: string): Promise<ReturneeRecordView | null> {
    const [p]: { applicantId: string }[] = isUuid(placementId)
      ? await this.dataSource.query(`SELECT applicant_id AS "applicantId" FROM placement WHERE id = $1`, [placementId])
      : [];
    const own = actor.role === Role.APPLICANT && !!actor.applicantId && p?.applicantId === actor.applicantId;
    if (!p || (!own && !isStaff(actor))) throw DomainException.notFound('Placement');
    const [row]: RecordRow[] = await this.dataSource.query(`SELECT ${RECORD_COLUMNS} FROM returnee_record r ${RECORD_JOINS} WHERE r.placement_id = $1`, [placementId]);
    return row ? this.view(row, actor, await this.reference.data()) : null;
  }

  /** The worker's own records, newest first, one per season recorded (empty for anyone but a worker). */
  async myRecords(actor: Actor): Promise<ReturneeRecordView[]> {
    if (actor.role !== Role.APPLICANT || !actor.applicantId) return [];
    const rows: RecordRow[] = await this.dataSource.query(
      `SELECT ${RECORD_COLUMNS} FROM returnee_record r ${RECORD_JOINS} WHERE r.applicant_id = $1 ORDER BY r.created_at DESC, r.id DESC`,
      [actor.applicantId],
    );
    const ref = await this.reference.data();
    return rows.map((row) => this.view(row, actor, ref));
  }

  /**
   * The coordinators' list of returnees to refer: records with skills to certify or interest in domestic jobs or
   * training (`hasSomethingToRefer`), newest first, by the worker's department, an occupation among the skills,
   * and referred or not. An unknown department or occupation is refused, naming the field.
   */
  async toRefer(actor: Actor, filter: ReturneesToReferFilter, page: Page): Promise<ReturneeToReferView[]> {
    if (!isStaff(actor)) throw DomainException.notFound('Returnee record');
    const ref = await this.reference.data();
    const departmentCode = filter.departmentCode?.trim() || null;
    const iscoCode = filter.iscoCode?.trim() || null;
    DomainException.assertValid([
      ...(departmentCode && !ref.departments.some((d) => d.code === departmentCode) ? [{ field: 'departmentCode', message: 'is not a department of El Salvador' }] : []),
      ...(iscoCode && !ref.codes.occupations.has(iscoCode) ? [{ field: 'iscoCode', message: 'must be an ISCO-08 occupation code of the reference data' }] : []),
    ]);
    const municipalities = departmentCode ? [...ref.municipalities.values()].filter((m) => m.departmentCode === departmentCode).map((m) => m.code) : null;
    const rows: RecordRow[] = await this.dataSource.query(
      `SELECT ${RECORD_COLUMNS}, a.first_names || ' ' || a.last_names AS "applicantName", a.municipality_code AS "municipalityCode"
       FROM returnee_record r ${RECORD_JOINS} JOIN applicant a ON a.id = r.applicant_id
       WHERE ${TO_REFER_SQL}
         AND ($1::text[] IS NULL OR a.municipality_code = ANY($1))
         AND ($2::text IS NULL OR r.skills @> jsonb_build_array(jsonb_build_object('iscoCode', $2::text)))
         AND ($3::boolean IS NULL OR (r.referred_at IS NOT NULL) = $3)
         AND ($4::timestamptz IS NULL OR ${keysetAfterSql('r.created_at', 'r.id', '$4::timestamptz', '$5::uuid')})
       ORDER BY r.created_at DESC, r.id DESC
       LIMIT $6`,
      [municipalities, iscoCode, filter.referred ?? null, page.after?.createdAt ?? null, page.after?.id ?? null, page.limit + 1],
    );
    return rows.map((row) => ({
      ...this.view(row, actor, ref),
      applicantName: row.applicantName!,
      municipalityCode: row.municipalityCode!,
      departmentCode: ref.municipalities.get(row.municipalityCode!)?.departmentCode ?? '',
    }));
  }

  private async byId(em: EntityManager, id: string, actor: Actor): Promise<ReturneeRecordView | null> {
    const [row]: RecordRow[] = await em.query(`SELECT ${RECORD_COLUMNS} FROM returnee_record r ${RECORD_JOINS} WHERE r.id = $1`, [id]);
    return row ? this.view(row, actor, await this.reference.data()) : null;
  }

  /** A row as the actor sees it: the referral's note and who referred are the ministry's. */
  private view(row: RecordRow, actor: Actor, ref: ReferenceData): ReturneeRecordView {
    const staff = isStaff(actor);
    return {
      id: row.id,
      placementId: row.placementId,
      applicantId: row.applicantId,
      currency: row.currency,
      earnings: row.earnings,
      remittances: row.remittances,
      savingsUses: row.savingsUses,
      skills: row.skills.map((s) => ({ iscoCode: s.iscoCode, title: ref.occupations.get(s.iscoCode)?.title ?? s.iscoCode, hours: s.hours })),
      wantsDomesticJob: row.wantsDomesticJob,
      wantsTraining: row.wantsTraining,
      trainingWanted: row.trainingWanted,
      recordedBy: row.recordedBy,
      recordedAt: row.createdAt,
      correctedBy: row.correctedBy,
      correctedAt: row.correctedAt,
      referral: row.referredAt
        ? { institution: row.referralInstitution!, referredAt: row.referredAt, referredBy: staff ? row.referredBy : null, note: staff ? row.referralNote : null }
        : null,
      season: { jobOrderReference: row.jobOrderReference, employerName: row.employerName, departedOn: row.departedOn, returnedOn: row.returnedOn },
      createdAt: row.createdAt,
    };
  }
}
