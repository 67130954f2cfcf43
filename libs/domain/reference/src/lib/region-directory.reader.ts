import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { REGION_DIRECTORY, type RegionDirectory } from '@puente/auth';
import { RegionEntity } from './reference.entities';

/** The reference side of auth's port: which country each region belongs to (read when a consul's login is opened). */
@Injectable()
export class RegionDirectoryService implements RegionDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async countriesOfRegions(codes: readonly string[]): Promise<ReadonlyMap<string, string>> {
    if (!codes.length) return new Map();
    const rows = await this.dataSource.manager.find(RegionEntity, { where: { code: In([...codes]) }, select: { code: true, country: true } });
    return new Map(rows.map((r) => [r.code, r.country as string]));
  }
}

/** Global, because auth's module cannot import the reference library's (the dependency runs the other way). */
@Global()
@Module({ providers: [RegionDirectoryService, { provide: REGION_DIRECTORY, useExisting: RegionDirectoryService }], exports: [REGION_DIRECTORY] })
export class ReferenceReadPortsModule {}
