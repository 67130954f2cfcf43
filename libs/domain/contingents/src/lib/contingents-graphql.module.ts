import { Module } from '@nestjs/common';
import { NotificationsModule } from '@puente/notifications';
import { ContingentsModule } from './contingents.module';
import { ContingentsResolver } from './graphql/contingents.resolver';
import { MyStatusResolver } from './graphql/my-status.resolver';

@Module({ imports: [ContingentsModule, NotificationsModule], providers: [ContingentsResolver, MyStatusResolver] })
export class ContingentsGraphqlModule {}
