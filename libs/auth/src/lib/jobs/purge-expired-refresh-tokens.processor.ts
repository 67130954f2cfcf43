import { Injectable, Logger } from '@nestjs/common';
import { JobHandler, JobProcessor } from '@puente/queue';
import { JobName, JobPayloads } from '@puente/queue-contracts';
import { AuthService } from '../auth.service';

/** Nightly: refresh tokens past their expiry are deleted. Idempotent: a second run deletes nothing more. */
@Injectable()
@JobProcessor(JobName.PurgeExpiredRefreshTokens)
export class PurgeExpiredRefreshTokensProcessor implements JobHandler<JobName.PurgeExpiredRefreshTokens> {
  private readonly logger = new Logger(PurgeExpiredRefreshTokensProcessor.name);

  constructor(private readonly auth: AuthService) {}

  async handle(payload: JobPayloads[JobName.PurgeExpiredRefreshTokens]): Promise<number> {
    const purged = await this.auth.purgeExpiredRefreshTokens(payload.olderThan ? new Date(payload.olderThan) : new Date());
    this.logger.log({ purged }, 'Purged expired refresh tokens');
    return purged;
  }
}
