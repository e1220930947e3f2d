import type { OrganizationFields } from '@app/profiles';
import { ORGANIZATION_CSV_COLUMNS } from '@app/import';

const cell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.join(';') : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Organisations as the importer's CSV (header + one line each). */
export function organizationsCsv(organizations: readonly OrganizationFields[]): string {
  const lines = [ORGANIZATION_CSV_COLUMNS.join(',')];
  for (const o of organizations) {
    lines.push(
      [
        o.name,
        o.kind,
        o.isicDivision,
        o.economy,
        o.city,
        o.locality,
        o.employees,
        o.foundedYear,
        o.womenOwnershipPercent,
        o.womanInTopManagement,
        o.boardWomenPercent,
        o.youthLed,
        o.socialEnterprise,
        o.cluster,
        o.needs,
        o.targetEconomies,
        o.languages,
        o.description,
        '',
      ]
        .map(cell)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
