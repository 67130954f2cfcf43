import { Module } from '@nestjs/common';
import { ContingentsModule } from './contingents.module';
import { ContingentsResolver } from './graphql/contingents.resolver';

@Module({ imports: [ContingentsModule], providers: [ContingentsResolver] })
export class ContingentsGraphqlModule {}
