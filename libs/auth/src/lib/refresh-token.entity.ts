import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * One refresh token of a rotation family. Only its SHA-256 is stored. A token is used once; presenting a used
 * one again means it leaked, and the whole family is revoked (RFC 9700, 4.14.2).
 */
@Entity('refresh_token')
@Unique('refresh_token_token_hash_key', ['tokenHash'])
@Index('refresh_token_family_idx', ['familyId'])
@Index('refresh_token_expires_idx', ['expiresAt'])
export class RefreshTokenEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') userId!: string;
  @Column('uuid') familyId!: string;
  @Column('text') tokenHash!: string;
  @Column('timestamptz') expiresAt!: Date;
  @Column('timestamptz', { nullable: true }) usedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) revokedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
