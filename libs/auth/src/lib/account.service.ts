import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, DomainException, ErrorCode, isUuid, requireReason } from '@puente/common';
import { recordAudit } from '@puente/database';
import { accountChangeRefusal, assertActiveChange } from './account.policy';
import { SessionService } from './session.service';
import { UserEntity } from './user.entity';

/** Deactivating and reactivating logins (by an administrator; by a coordinator for applicants), audited. */
@Injectable()
export class AccountService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
  ) {}

  /** The logins of these applicants (User.id), in the same order; null for an applicant without one. */
  async loginIdsOfApplicants(applicantIds: readonly string[]): Promise<(string | null)[]> {
    const rows: { id: string; applicant_id: string }[] = await this.dataSource.query(`SELECT id, applicant_id FROM app_user WHERE applicant_id = ANY($1::uuid[])`, [
      [...applicantIds],
    ]);
    const byApplicant = new Map(rows.map((r) => [r.applicant_id, r.id]));
    return applicantIds.map((id) => byApplicant.get(id) ?? null);
  }

  /** The login can no longer sign in or refresh, and every session it has ends at once (HTTP and sockets). */
  deactivate(actor: Actor, userId: string, reason: string): Promise<UserEntity> {
    const why = requireReason(reason, 'for the deactivation');
    return this.change(actor, userId, async (em, user) => {
      assertActiveChange(user, false);
      await em.update(UserEntity, { id: user.id }, { active: false });
      const [ended] = await this.sessions.end(em, [user.id], 'deactivated');
      await recordAudit(em, actor, { action: 'deactivate-user', entity: 'app_user', entityId: user.id, reason: why });
      return { ...user, active: false, sessionVersion: ended!.version };
    });
  }

  /** The login may sign in again (with the password it had; its old sessions stay ended). */
  reactivate(actor: Actor, userId: string): Promise<UserEntity> {
    return this.change(actor, userId, async (em, user) => {
      assertActiveChange(user, true);
      await em.update(UserEntity, { id: user.id }, { active: true });
      await recordAudit(em, actor, { action: 'reactivate-user', entity: 'app_user', entityId: user.id });
      return { ...user, active: true };
    });
  }

  private change(actor: Actor, userId: string, apply: (em: EntityManager, user: UserEntity) => Promise<UserEntity>): Promise<UserEntity> {
    return this.dataSource.transaction(async (em) => {
      const user = isUuid(userId)
        ? await em.createQueryBuilder(UserEntity, 'u').where('u.id = :id', { id: userId }).setLock('pessimistic_write').getOne()
        : null;
      if (!user) throw DomainException.notFound('User');
      const refusal = accountChangeRefusal(actor, user);
      if (refusal) {
        // A coordinator learns nothing about staff or employer logins beyond "not yours to change".
        throw new DomainException(ErrorCode.FORBIDDEN, refusal);
      }
      return apply(em, user);
    });
  }
}
