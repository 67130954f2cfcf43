import { Module } from '@nestjs/common';
import { NotificationsModule } from '@puente/notifications';
import { JobOrdersModule } from '@puente/domain/job-orders';
import { ReferenceModule } from '@puente/domain/reference';
import { ContingentsModule } from './contingents.module';
import { ContingentsResolver } from './graphql/contingents.resolver';
import { MyStatusResolver } from './graphql/my-status.resolver';
import { ContingentOfficeResolver } from './graphql/office.resolver';

@Module({ imports: [ContingentsModule, JobOrdersModule, NotificationsModule, ReferenceModule], providers: [ContingentsResolver, MyStatusResolver, ContingentOfficeResolver] })
export class ContingentsGraphqlModule {}
