import { describe, expect, it } from 'vitest';
import { dimensionLabel } from './labels.js';

describe('labels of dimension values as the grid shows them', () => {
  it.each([
    ['municipality', '0228', 'Ede (0228)', 'Ede (0228)'],
    ['municipality', '1980', 'Dijk en Waard (1980)', 'Dijk en Waard (1980)'], // only in the 2023 list
    ['municipality', '0370', 'Beemster (0370)', 'Beemster (0370)'], // merged away: last known name
    ['municipality', '9999', 'Gemeente 9999', 'Gemeente 9999'],
    ['segment', 'specialistisch', 'Specialistisch ambulant', 'Specialist outpatient'],
    ['category', '45', '45 Ambulant', '45 Outpatient'],
    ['category', '53', '53', '53'],
    ['gender', '2', 'Meisje/vrouw', 'Female'],
    ['ageband', '12-17', '12–17 jaar', '12–17 years'],
    ['quarter', '2024-Q1', '2024 K1', '2024 Q1'],
    ['month', '2024-03', 'mrt 2024', 'Mar 2024'],
    ['year', '2024', '2024', '2024'],
    // LDT_Eenheid in ../shared/reference/ijw/ijw-3.2/xsd/Basisschema.xsd: 14 = Etmaal, 82 = Stuks (output)
    ['unit', '14', 'etmaal', '24 hours'],
    ['unit', '82', 'stuks (output)', 'pieces (output)'],
    ['unit', '99', '99', '99'],
  ] as const)('%s %s', (dim, key, nl, en) => {
    expect(dimensionLabel(dim, key)).toEqual({ nl, en });
  });
});
