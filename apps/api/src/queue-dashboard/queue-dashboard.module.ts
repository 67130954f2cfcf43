import { Module } from '@nestjs/common';
import { AuthModule } from '@puente/auth';
import { QueueDashboardResolver } from './queue-dashboard.resolver';
import { QueueDashboardAccess } from './queue-dashboard.service';

/** queueDashboardLink, and the access checks the /admin/queues routes (queue-dashboard.ts) ask on each request. */
@Module({ imports: [AuthModule], providers: [QueueDashboardAccess, QueueDashboardResolver], exports: [QueueDashboardAccess] })
export class QueueDashboardModule {}
