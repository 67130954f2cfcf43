import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmployersModule } from '@puente/domain/employers';
import { ReferenceModule } from '@puente/domain/reference';
import { NotificationsModule } from '@puente/notifications';
import { JobOrderEntity } from './job-order.entity';
import { JobOrderService } from './job-order.service';
import { PublicJobOrderService } from './public-job-order.service';

@Module({
  imports: [TypeOrmModule.forFeature([JobOrderEntity]), EmployersModule, ReferenceModule, NotificationsModule],
  providers: [JobOrderService, PublicJobOrderService],
  exports: [JobOrderService, PublicJobOrderService],
})
export class JobOrdersModule {}
