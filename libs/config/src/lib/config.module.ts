import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { loadConfig, PuenteConfig } from './puente-config';

/**
 * Validates the environment once (through @nestjs/config's validate hook, so a bad variable stops the boot)
 * and provides the typed PuenteConfig everywhere.
 */
@Global()
@Module({
  imports: [ConfigModule.forRoot({ ignoreEnvFile: true, validate: (env) => (loadConfig(env), env) })],
  providers: [{ provide: PuenteConfig, useFactory: () => loadConfig(process.env) }],
  exports: [PuenteConfig],
})
export class PuenteConfigModule {}
