/**
 * A read port: a consul's jurisdiction names regions of the reference data ('CA-QC'), which the reference library
 * owns, and auth sits below the domains. So auth declares what it needs and the reference library provides it
 * under this token (a global provider of ReferenceModule).
 */
export interface RegionDirectory {
  /** The country of each known region code; codes that are not regions are absent. */
  countriesOfRegions(codes: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

export const REGION_DIRECTORY = Symbol('RegionDirectory');
