/** The { VALUE: 'VALUE' } object registerEnumType needs, from the one list of values a domain declares. */
export function enumObject<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
}
