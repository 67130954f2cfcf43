import { Global, Module } from '@nestjs/common';
import { FieldCipher } from './field-cipher';
import { loadConfig, PuenteConfig } from './puente-config';

/** Validates the environment when the application boots and provides the typed PuenteConfig (and the FieldCipher of its keys) everywhere. */
@Global()
@Module({
  providers: [
    { provide: PuenteConfig, useFactory: () => loadConfig(process.env) },
    { provide: FieldCipher, useFactory: (config: PuenteConfig) => new FieldCipher(config.dataProtection), inject: [PuenteConfig] },
  ],
  exports: [PuenteConfig, FieldCipher],
})
export class PuenteConfigModule {}
