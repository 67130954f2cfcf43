import { Module } from '@nestjs/common';
import { JobOrdersModule } from '../job-orders.module';
import { JobOrderFeedController } from './job-order-feed.controller';
import { JobOrderFeedService } from './job-order-feed.service';

/** The public feeds of the open job orders (HTTP routes under /feeds), which apps/api registers. */
@Module({
  imports: [JobOrdersModule],
  controllers: [JobOrderFeedController],
  providers: [JobOrderFeedService],
  exports: [JobOrderFeedService],
})
export class JobOrderFeedModule {}
