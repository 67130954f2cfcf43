import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@puente/auth';
import { ReferenceModule } from '@puente/domain/reference';
import { EmployerEntity } from './employer.entity';
import { EmployerService } from './employer.service';

@Module({
  imports: [TypeOrmModule.forFeature([EmployerEntity]), AuthModule, ReferenceModule],
  providers: [EmployerService],
  exports: [EmployerService],
})
export class EmployersModule {}
