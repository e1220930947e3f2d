import { Locality, LOCALITY_LABELS } from './locality';

describe('Locality', () => {
  it('uses its names as string values', () => {
    for (const [key, value] of Object.entries(Locality)) {
      expect(value).toBe(key);
    }
    expect(Object.values(Locality)).toEqual(['METROPOLITAN', 'SUB_REGIONAL', 'RURAL']);
  });

  it('labels every locality', () => {
    expect(Object.keys(LOCALITY_LABELS).sort()).toEqual(Object.values(Locality).sort());
    expect(LOCALITY_LABELS[Locality.SUB_REGIONAL]).toBe('Sub-regional');
  });
});
