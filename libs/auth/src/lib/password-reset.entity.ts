import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A one-time password-reset link of a staff or employer user. Only the SHA-256 of its token is stored. */
@Entity('password_reset')
@Unique('password_reset_token_hash_key', ['tokenHash'])
@Index('password_reset_one_live_per_user', ['userId'], { unique: true, where: 'used_at IS NULL' })
@Index('password_reset_expires_idx', ['expiresAt'])
export class PasswordResetEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') userId!: string;
  @Column('text') tokenHash!: string;
  @Column('timestamptz') expiresAt!: Date;
  @Column('timestamptz', { nullable: true }) usedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
