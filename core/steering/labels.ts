// What an indicator's value is, in words, and its unit: read from the pivot's registry for pivot measures,
// and defined here for flow figures and the FoodValley measures (docs/DEFINITIONS.md says the same).
import type { Indicator, IndicatorSource, MeasureSource, ProgrammeMeasureId } from '../contract/steering.js';
import type { PivotFilter } from '../contract/pivot.js';
import type { Segment } from '../domain/segments.js';
import { DIMENSION_INFO, MEASURE_INFO, SEGMENT_LABELS, type Text } from '../registry.js';

const SYMBOLS = { '==': '=', '!=': '≠', '>=': '≥', '<=': '≤', in: ':', 'not in': ': niet' } as const;

const t = (nl: string, en: string): Text => ({ nl, en });

export const FLOW_FIGURE_LABELS: Record<string, Text> = {
  beginstand: t('Beginstand', 'Opening stock'),
  instroom: t('Instroom', 'Inflow'),
  nieuw: t('Instroom nieuw', 'Inflow new'),
  herhaald: t('Instroom herhaald', 'Inflow returning'),
  doorstroom: t('Instroom doorstroom', 'Inflow from other care'),
  uitstroom: t('Uitstroom', 'Outflow'),
  eindstand: t('Eindstand', 'Closing stock'),
};

export const PROGRAMME_INFO: Record<ProgrammeMeasureId, { label: Text; definition: Text; unit: 'percent' | 'count' }> = {
  crisisToVerblijf: {
    unit: 'percent',
    label: t('Crisis gevolgd door verblijf', 'Crisis followed by residential care'),
    definition: t(
      'Van de crisistrajecten die in de maand starten: het percentage waarbij het kind uiterlijk N dagen na het einde van het crisistraject (of al tijdens de crisis) met verblijf start. Voorlopig zolang een traject nog loopt of minder dan N dagen vóór de peildatum eindigde.',
      'Of the crisis trajectories starting in the month: the percentage whose child starts residential care at most N days after the crisis trajectory ends (or during the crisis). Provisional while a trajectory runs or ended less than N days before the reference date.',
    ),
  },
  prolongedCare: {
    unit: 'percent',
    label: t('Verlengde jeugdhulp (18+)', 'Prolonged youth care (18+)'),
    definition: t(
      'Van de kinderen die in de maand 18 worden (de 15e van de geboortemaand) en op de laatste dag van de maand ervoor jeugdhulp hadden (geen JB/JR, geen categorie 40/42): het percentage dat N dagen na de 18e verjaardag nog jeugdhulp heeft. Leeg zolang die dag na de peildatum ligt.',
      'Of the children turning 18 in the month (the 15th of the birth month) who had youth care on the last day of the month before (not JB/JR, not categories 40/42): the percentage still in youth care N days after their 18th birthday. Empty while that day lies after the reference date.',
    ),
  },
  avgMonthlyClients: {
    unit: 'count',
    label: t('Gemiddeld aantal cliënten per maand', 'Average monthly clients'),
    definition: t(
      'Per maand het aantal verschillende kinderen met zorg in de hulpvorm in die maand; over een reeks maanden het gemiddelde van die maandaantallen.',
      'Per month the number of distinct children with care in the segment that month; over a range of months the mean of those monthly numbers.',
    ),
  },
  outOfResidential: {
    unit: 'count',
    label: t('Kinderen uit verblijf (cumulatief)', 'Children out of residential care (cumulative)'),
    definition: t(
      'Aan het eind van elke maand: het aantal kinderen van wie een verblijfsperiode (verblijf bij alle aanbieders samengevoegd) op of na de startdatum eindigde en die die dag niet in verblijf zijn. Wie terugkeert telt niet meer; wie opnieuw vertrekt telt één keer.',
      'At the end of each month: the number of children whose residential spell (residential care at all providers merged) ended on or after the start date and who are not in residential care that day. A child who returns no longer counts; one who leaves again counts once.',
    ),
  },
};

function measureParam(s: MeasureSource): Text {
  switch (s.id) {
    case 'crisisToVerblijf':
    case 'prolongedCare':
      return t(`${s.days} dagen`, `${s.days} days`);
    case 'avgMonthlyClients':
      return SEGMENT_LABELS[s.segment];
    case 'outOfResidential':
      return t(`sinds ${s.since.split('-').reverse().join('-')}`, `since ${s.since}`);
  }
}

export function sourceLabel(s: IndicatorSource): Text {
  if (s.kind === 'measure') {
    const p = measureParam(s);
    const l = PROGRAMME_INFO[s.id].label;
    return t(`${l.nl} (${p.nl})`, `${l.en} (${p.en})`);
  }
  const base = s.kind === 'pivot' ? MEASURE_INFO[s.measure].label : FLOW_FIGURE_LABELS[s.figure]!;
  const filterText = (f: PivotFilter, lang: 'nl' | 'en') => {
    const value = (k: string) => (f[0] === 'segment' && k in SEGMENT_LABELS ? SEGMENT_LABELS[k as Segment][lang] : k);
    const values = Array.isArray(f[2]) ? f[2].map(value).join(' / ') : value(f[2]);
    const symbol = f[1] === 'not in' && lang === 'en' ? ': not' : SYMBOLS[f[1]];
    return `${DIMENSION_INFO[f[0]].label[lang]}${symbol.startsWith(':') ? '' : ' '}${symbol} ${values}`;
  };
  const parts = (lang: 'nl' | 'en'): string[] =>
    s.kind === 'pivot'
      ? s.filters.map((f) => filterText(f, lang))
      : [s.segment ? SEGMENT_LABELS[s.segment][lang] : null, s.municipality ? `${lang === 'nl' ? 'gemeente' : 'municipality'} ${s.municipality}` : null].filter(
          (x): x is string => x !== null,
        );
  const nl = parts('nl');
  const en = parts('en');
  if (nl.length === 0) return base;
  return t(`${base.nl} (${nl.join(', ')})`, `${base.en} (${en.join(', ')})`);
}

export function unitOfSource(s: IndicatorSource): Indicator['unit'] {
  if (s.kind === 'flow') return 'count';
  if (s.kind === 'measure') return PROGRAMME_INFO[s.id].unit;
  const u = MEASURE_INFO[s.measure].unit;
  return u === 'rate' ? 'count' : u;
}
