/** Enterprise size by number of employees, following the IFC MSME definition. */
export enum SizeClass {
  MICRO = 'MICRO',
  SMALL = 'SMALL',
  MEDIUM = 'MEDIUM',
  LARGE = 'LARGE',
}

const SMALL_MIN_EMPLOYEES = 10;
const MEDIUM_MIN_EMPLOYEES = 50;
const LARGE_MIN_EMPLOYEES = 301;

export function sizeClassOf(employees: number): SizeClass {
  if (!Number.isInteger(employees) || employees < 0) {
    throw new RangeError(`Employee count must be a non-negative integer, got ${employees}`);
  }
  if (employees < SMALL_MIN_EMPLOYEES) return SizeClass.MICRO;
  if (employees < MEDIUM_MIN_EMPLOYEES) return SizeClass.SMALL;
  if (employees < LARGE_MIN_EMPLOYEES) return SizeClass.MEDIUM;
  return SizeClass.LARGE;
}

/** Inclusive employee bounds of a size class; `max` is null for the open-ended LARGE class. */
export function employeeRangeOf(size: SizeClass): { min: number; max: number | null } {
  switch (size) {
    case SizeClass.MICRO:
      return { min: 0, max: SMALL_MIN_EMPLOYEES - 1 };
    case SizeClass.SMALL:
      return { min: SMALL_MIN_EMPLOYEES, max: MEDIUM_MIN_EMPLOYEES - 1 };
    case SizeClass.MEDIUM:
      return { min: MEDIUM_MIN_EMPLOYEES, max: LARGE_MIN_EMPLOYEES - 1 };
    case SizeClass.LARGE:
      return { min: LARGE_MIN_EMPLOYEES, max: null };
    default: {
      const unknown: never = size;
      throw new RangeError(`Unknown size class: ${String(unknown)}`);
    }
  }
}
