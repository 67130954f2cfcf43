import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ExportFormat, ExportKind, ExportLanguage } from './export.rules';
import type { ExportStatus } from './export.state-machine';

/**
 * An export a coordinator or an administrator asked for, and how far it got (export.state-machine.ts). `filter`
 * holds the values of the kind's filter (a DUI encrypted, dropped when the file expires), `filterFields` only
 * their names (what the audit trail and the list show). `createdAt` (when it was requested) is kept to the
 * millisecond, so keyset cursors (JavaScript dates) page without gaps. Keyset paging per requester on
 * (requested_by, created_at DESC, id DESC): descending keys TypeORM cannot declare, so named only.
 */
@Entity('data_export')
@Index('data_export_requester_created_idx', { synchronize: false })
@Index('data_export_expiry_idx', ['expiresAt'], { where: "status = 'READY'" })
export class ExportEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('timestamptz', { default: () => "date_trunc('milliseconds', now())" }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @Column('uuid') requestedBy!: string;
  @Column('text') requesterRole!: 'COORDINATOR' | 'ADMIN';
  @Column('text') kind!: ExportKind;
  @Column('text') format!: ExportFormat;
  @Column('text') language!: ExportLanguage;
  @Column('jsonb', { default: () => "'{}'" }) filter!: Record<string, unknown>;
  @Column('text', { array: true, default: () => "'{}'" }) filterFields!: string[];
  @Column('text', { default: 'PENDING' }) status!: ExportStatus;
  @Column('integer', { nullable: true }) rowCount!: number | null;
  /** PostgreSQL returns bigint as a string. */
  @Column('bigint', { nullable: true }) byteSize!: string | null;
  @Column('integer', { nullable: true }) parts!: number | null;
  @Column('text', { nullable: true }) error!: string | null;
  @Column('timestamptz', { nullable: true }) completedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) expiresAt!: Date | null;
}

/** One part of an export's file, in order (`part` from 0): the bytes as written, read back in order to download. */
@Entity('export_file')
export class ExportFileEntity {
  @PrimaryColumn('uuid') exportId!: string;
  @PrimaryColumn('integer') part!: number;
  @Column('bytea') bytes!: Buffer;
}
