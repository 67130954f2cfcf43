import { dimensionValues, groupCombinations } from './statistics-groups';

const vocabulary = {
  departments: [
    { code: 'SV-CH', name: 'Chalatenango' },
    { code: 'SV-SS', name: 'San Salvador' },
  ],
  municipalities: [
    { code: 'SV-CH-NORTE', name: 'Chalatenango Norte', departmentCode: 'SV-CH' },
    { code: 'SV-SS-NORTE', name: 'San Salvador Norte', departmentCode: 'SV-SS' },
  ],
  regions: [
    { code: 'CA-ON', name: 'Ontario', country: 'CA' },
    { code: 'US-NC', name: 'North Carolina', country: 'US' },
  ],
};
const keys = (...args: Parameters<typeof dimensionValues>) => dimensionValues(...args).map((v) => v.key);
const period = { from: '2025-01-01', to: '2025-12-31' };

describe('the values of each dimension', () => {
  it('lists every value of the classifications, armed forces last among the ISCO-08 major groups', () => {
    expect(keys('SEX', vocabulary)).toEqual(['FEMALE', 'MALE', 'OTHER']);
    expect(keys('AGE_GROUP', vocabulary)).toEqual(['AGE_15_24', 'AGE_25_34', 'AGE_35_44', 'AGE_45_54', 'AGE_55_PLUS']);
    expect(keys('ISCO_MAJOR', vocabulary)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '0']);
    expect(keys('ISCO_SUB_MAJOR', vocabulary)).toHaveLength(43);
    expect(keys('ISIC_SECTION', vocabulary)).toEqual('ABCDEFGHIJKLMNOPQRSTU'.split(''));
    expect(keys('DURATION_BAND', vocabulary)).toEqual(['UNDER_3_MONTHS', 'MONTHS_3_TO_6', 'MONTHS_6_TO_12', 'MONTHS_12_TO_24', 'MONTHS_24_AND_OVER']);
    expect(keys('FIRST_TIME_OR_RETURNING', vocabulary)).toEqual(['FIRST_TIME', 'RETURNING']);
    expect(keys('DESTINATION_COUNTRY', vocabulary)).toEqual(['US', 'CA']);
    expect(keys('DESTINATION_REGION', vocabulary)).toEqual(['CA-ON', 'US-NC']);
    expect(keys('DEPARTMENT', vocabulary)).toEqual(['SV-CH', 'SV-SS']);
    expect(keys('MUNICIPALITY', vocabulary)).toEqual(['SV-CH-NORTE', 'SV-SS-NORTE']);
  });

  it('names them in both languages', () => {
    expect(dimensionValues('ISIC_SECTION', vocabulary)[0]).toEqual({ key: 'A', label: { en: 'Agriculture, forestry and fishing', es: 'Agricultura, ganadería, silvicultura y pesca' } });
    expect(dimensionValues('DEPARTMENT', vocabulary)[0]).toEqual({ key: 'SV-CH', label: { en: 'Chalatenango', es: 'Chalatenango' } });
  });

  it('keeps to the restrictions of the filter', () => {
    expect(keys('SEX', vocabulary, { ...period, sex: 'OTHER' })).toEqual(['OTHER']);
    expect(keys('ISCO_MAJOR', vocabulary, { ...period, iscoMajorGroup: '6' })).toEqual(['6']);
    expect(keys('ISCO_SUB_MAJOR', vocabulary, { ...period, iscoMajorGroup: '6' })).toEqual(['61', '62', '63']);
    expect(keys('DESTINATION_REGION', vocabulary, { ...period, destinationCountry: 'US' })).toEqual(['US-NC']);
    expect(keys('DESTINATION_REGION', vocabulary, { ...period, regionCode: 'CA-ON' })).toEqual(['CA-ON']);
    expect(keys('DESTINATION_COUNTRY', vocabulary, { ...period, regionCode: 'CA-ON' })).toEqual(['CA']);
    expect(keys('DEPARTMENT', vocabulary, { ...period, departmentCode: 'SV-SS' })).toEqual(['SV-SS']);
    expect(keys('MUNICIPALITY', vocabulary, { ...period, departmentCode: 'SV-SS' })).toEqual(['SV-SS-NORTE']);
  });

  it('combines two dimensions, the first varying slowest, and none into one empty group', () => {
    expect(groupCombinations([], vocabulary)).toEqual([[]]);
    expect(groupCombinations(['DESTINATION_COUNTRY', 'FIRST_TIME_OR_RETURNING'], vocabulary).map((c) => c.map((v) => v.key).join('|'))).toEqual([
      'US|FIRST_TIME',
      'US|RETURNING',
      'CA|FIRST_TIME',
      'CA|RETURNING',
    ]);
  });
});
