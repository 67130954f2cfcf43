import { Module } from '@nestjs/common';
import { AuthModule } from './auth.module';
import { PurgeExpiredRefreshTokensProcessor } from './jobs/purge-expired-refresh-tokens.processor';

/** The auth library's job processors: the worker imports this. */
@Module({ imports: [AuthModule], providers: [PurgeExpiredRefreshTokensProcessor] })
export class AuthJobsModule {}
