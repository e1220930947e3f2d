import type { ValueTransformer } from 'typeorm';

/** numeric columns come back from pg as strings; the domain speaks numbers. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};
