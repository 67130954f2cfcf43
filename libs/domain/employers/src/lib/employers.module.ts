import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@puente/auth';
import { ReferenceModule } from '@puente/domain/reference';
import { EmployerEntity } from './employer.entity';
import { EmployerService } from './employer.service';
import { PublicEmployerService } from './public-employer.service';
import { EmployersReadPortsModule } from './employer-standing.reader';

@Module({
  imports: [TypeOrmModule.forFeature([EmployerEntity]), AuthModule, ReferenceModule, EmployersReadPortsModule],
  providers: [EmployerService, PublicEmployerService],
  exports: [EmployerService, PublicEmployerService],
})
export class EmployersModule {}
