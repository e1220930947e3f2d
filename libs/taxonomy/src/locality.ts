/** Where an MSME or mentor is based, by settlement type. */
export enum Locality {
  /** The capital or a major metropolitan region. */
  METROPOLITAN = 'METROPOLITAN',
  /** A regional city or town outside the major metropolitan regions. */
  SUB_REGIONAL = 'SUB_REGIONAL',
  /** A village or rural area. */
  RURAL = 'RURAL',
}

export const LOCALITY_LABELS: Record<Locality, string> = {
  [Locality.METROPOLITAN]: 'Metropolitan',
  [Locality.SUB_REGIONAL]: 'Sub-regional',
  [Locality.RURAL]: 'Rural',
};
