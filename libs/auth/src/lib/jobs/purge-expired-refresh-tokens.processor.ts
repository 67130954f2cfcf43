import { Injectable, Logger } from '@nestjs/common';
import { JobHandler, JobProcessor } from '@puente/queue';
import { JobName, JobPayloads } from '@puente/queue-contracts';
import { AuthService } from '../auth.service';

/** Nightly: refresh tokens and password-reset links past their expiry are deleted. Idempotent: a second run deletes nothing more. */
@Injectable()
@JobProcessor(JobName.PurgeExpiredRefreshTokens)
export class PurgeExpiredRefreshTokensProcessor implements JobHandler<JobName.PurgeExpiredRefreshTokens> {
  private readonly logger = new Logger(PurgeExpiredRefreshTokensProcessor.name);

  constructor(private readonly auth: AuthService) {}

  async handle(payload: JobPayloads[JobName.PurgeExpiredRefreshTokens]): Promise<number> {
    const before = payload.olderThan ? new Date(payload.olderThan) : new Date();
    const purged = await this.auth.purgeExpiredRefreshTokens(before);
    const resets = await this.auth.purgeExpiredPasswordResets(before);
    this.logger.log({ purged, resets }, 'Purged expired refresh tokens and password-reset links');
    return purged;
  }
}
