import { employeeRangeOf, SizeClass, sizeClassOf } from './size-class';

describe('size class', () => {
  it.each([
    [0, SizeClass.MICRO],
    [1, SizeClass.MICRO],
    [9, SizeClass.MICRO],
    [10, SizeClass.SMALL],
    [49, SizeClass.SMALL],
    [50, SizeClass.MEDIUM],
    [300, SizeClass.MEDIUM],
    [301, SizeClass.LARGE],
    [100_000, SizeClass.LARGE],
  ])('classifies %i employees as %s', (employees, expected) => {
    expect(sizeClassOf(employees)).toBe(expected);
  });

  it.each([-1, -0.5, 1.5, 9.99, Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects %p employees with a RangeError',
    (employees) => {
      expect(() => sizeClassOf(employees)).toThrow(RangeError);
    },
  );

  it.each([
    [SizeClass.MICRO, 0, 9],
    [SizeClass.SMALL, 10, 49],
    [SizeClass.MEDIUM, 50, 300],
    [SizeClass.LARGE, 301, null],
  ])('gives %s the inclusive range %i..%p', (size, min, max) => {
    expect(employeeRangeOf(size)).toEqual({ min, max });
  });

  it.each(Object.values(SizeClass))('agrees with sizeClassOf at the edges of %s', (size) => {
    const { min, max } = employeeRangeOf(size);
    expect(sizeClassOf(min)).toBe(size);
    if (min > 0) {
      expect(sizeClassOf(min - 1)).not.toBe(size);
    }
    if (max === null) {
      expect(sizeClassOf(min + 1_000_000)).toBe(size);
    } else {
      expect(sizeClassOf(max)).toBe(size);
      expect(sizeClassOf(max + 1)).not.toBe(size);
    }
  });

  it('agrees with sizeClassOf for every count up to 1000', () => {
    for (let employees = 0; employees <= 1000; employees++) {
      const { min, max } = employeeRangeOf(sizeClassOf(employees));
      expect(employees).toBeGreaterThanOrEqual(min);
      if (max !== null) {
        expect(employees).toBeLessThanOrEqual(max);
      }
    }
  });
});
