import { Module } from '@nestjs/common';
import { EmployersModule } from '@puente/domain/employers';
import { ReferenceModule } from '@puente/domain/reference';
import { EmployerJobOrdersResolver } from './graphql/employer-job-orders.resolver';
import { JobOrderResolver } from './graphql/job-order.resolver';
import { PublicJobOrderResolver } from './graphql/public-job-order.resolver';
import { JobOrdersModule } from './job-orders.module';

@Module({
  imports: [JobOrdersModule, EmployersModule, ReferenceModule],
  providers: [JobOrderResolver, EmployerJobOrdersResolver, PublicJobOrderResolver],
})
export class JobOrdersGraphqlModule {}
