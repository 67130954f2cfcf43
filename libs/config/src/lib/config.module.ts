import { Global, Module } from '@nestjs/common';
import { loadConfig, PuenteConfig } from './puente-config';

/** Validates the environment when the application boots and provides the typed PuenteConfig everywhere. */
@Global()
@Module({
  providers: [{ provide: PuenteConfig, useFactory: () => loadConfig(process.env) }],
  exports: [PuenteConfig],
})
export class PuenteConfigModule {}
