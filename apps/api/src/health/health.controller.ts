import { Controller, Get } from '@nestjs/common';
import { HealthCheck } from '@nestjs/terminus';
import { Public } from '@puente/auth';
import { HealthService } from '@puente/health';

@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 when PostgreSQL and Redis answer, 503 otherwise: for load balancers and the start script. */
  @Public()
  @Get()
  @HealthCheck()
  check() {
    return this.health.check();
  }
}
