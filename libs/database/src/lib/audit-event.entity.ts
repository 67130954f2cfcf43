import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One line of the audit trail, append-only (a trigger refuses UPDATE, DELETE and TRUNCATE): written by
 * `recordAudit` and the api's request trail. `createdAt` is kept to the millisecond by the table's default, so
 * keyset cursors (JavaScript dates) page without gaps. The GIN index on `target_ids` is beyond what TypeORM can
 * declare: named only, `synchronize: false` (the schema drift test checks that it exists).
 */
@Entity('audit_event')
@Index('audit_event_entity_idx', ['entity', 'entityId', 'createdAt'])
@Index('audit_event_actor_idx', ['actorUserId', 'createdAt'])
@Index('audit_event_created_idx', ['createdAt', 'id'])
@Index('audit_event_operation_idx', ['operation', 'createdAt'])
@Index('audit_event_target_ids_idx', { synchronize: false })
export class AuditEventEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { nullable: true }) actorUserId!: string | null;
  @Column('text') actorRole!: string;
  @Column('text') action!: string;
  @Column('text', { nullable: true }) entity!: string | null;
  @Column('uuid', { nullable: true }) entityId!: string | null;
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('text', { array: true, default: () => "'{}'" }) fields!: string[];
  @Column('text', { nullable: true }) requestId!: string | null;
  @Column('text', { nullable: true }) operation!: string | null;
  @Column('text', { default: 'SUCCESS' }) outcome!: string;
  @Column('text', { nullable: true }) ip!: string | null;
  @Column('uuid', { array: true, default: () => "'{}'" }) targetIds!: string[];
  @Column('timestamptz', { default: () => "date_trunc('milliseconds', now())" }) createdAt!: Date;
}
