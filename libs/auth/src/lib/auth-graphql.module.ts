import { Global, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { PuenteConfig } from '@puente/config';
import { NotificationsModule } from '@puente/notifications';
import { AuthModule } from './auth.module';
import { AuthResolver } from './graphql/auth.resolver';
import { PublicThrottleGuard } from './graphql/public-throttle.guard';
import { PasswordResetService } from './password-reset.service';

/** The auth operations of the GraphQL API (password resets mail through the notification channel), and the throttle of public operations, counted in Redis. */
@Global()
@Module({
  imports: [
    AuthModule,
    NotificationsModule,
    ThrottlerModule.forRootAsync({
      inject: [PuenteConfig],
      useFactory: (config: PuenteConfig) => ({
        throttlers: [
          {
            name: 'public',
            limit: config.auth.loginThrottle.limit,
            ttl: config.auth.loginThrottle.windowSeconds * 1000,
          },
        ],
        storage: new ThrottlerStorageRedisService(config.redis.url, { keyPrefix: `${config.redis.queuePrefix}:throttle:` }),
      }),
    }),
  ],
  providers: [AuthResolver, PublicThrottleGuard, PasswordResetService],
  exports: [PublicThrottleGuard, ThrottlerModule],
})
export class AuthGraphqlModule {}
