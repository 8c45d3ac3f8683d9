// What every dimension and measure means, in Dutch and English: the definitions panel, "explain this
// figure", the CLI's --help and the exports' notes all read these texts (one registry, DOMAIN.md).
import type { Definition, DimensionId, MeasureId, Text, Unit } from './registry.js';

const t = (nl: string, en: string): Text => ({ nl, en });
const d = (label: Text, definition: Text): Definition => ({ label, definition });

export const DIMENSION_INFO: Record<DimensionId, Definition> = {
  municipality: d(
    t('Gemeente', 'Municipality'),
    t(
      'De gemeente die de zorg toewees (afzender van de JW301; bij declaraties de ontvanger). Een kind dat verhuist telt in elke gemeente waar het in de periode zorg had; het regiototaal telt het één keer. (CBS geeft elk kind één gemeente: zie "Laatste gemeente".)',
      'The municipality that assigned the care (sender of the JW301; for declarations the receiver). A child who moves counts in every municipality where it had care in the period; the regional total counts it once. (CBS gives each child one municipality: see "Last municipality".)',
    ),
  ),
  lastMunicipality: d(
    t('Laatste gemeente', 'Last municipality'),
    t(
      'De gemeente van het laatste record van het kind in de periode van de cel (bij gelijke laatste dag: de laagste gemeentecode). Zo telt elk kind in precies één gemeente, zoals bij CBS.',
      "The municipality of the child's last record in the cell's period (on equal last days: the lowest municipality code). Each child counts in exactly one municipality, as at CBS.",
    ),
  ),
  provider: d(t('Aanbieder', 'Provider'), t('De aanbieder (AGB-code) die de zorg leverde of declareerde.', 'The provider (AGB code) that delivered or claimed the care.')),
  segment: d(
    t('Hulpvorm', 'Care segment'),
    t(
      'Segment op basis van de productcategorie (standaardindeling, DOMAIN.md §4), per productcode te overschrijven met het regionale productenboek. Declaraties gebruiken hun eigen product.',
      'Segment from the product category (default mapping, DOMAIN.md §4), overridden per product code by the regional codebook. Declarations use their own product.',
    ),
  ),
  kader: d(
    t('Kader', 'Framework'),
    t('Jeugdhulp of jeugdbescherming/jeugdreclassering (JB/JR). Het CBS-beeld is kader = jeugdhulp.', 'Youth care or child protection/probation (JB/JR). The CBS view is framework = youth care.'),
  ),
  verblijf: d(
    t('Met/zonder verblijf', 'With/without residence'),
    t('Met verblijf = hulpvorm Verblijf of Wonen; zonder verblijf = de rest, behalve JB/JR (eigen kader).', 'With residence = segment Residential or Family-based living; without = the rest, except JB/JR (its own framework).'),
  ),
  category: d(t('Productcategorie', 'Product category'), t('iJw-productcategorie (JZ020) van de toewijzing of declaratieregel.', 'iJw product category (JZ020) of the assignment or declaration line.')),
  product: d(t('Product', 'Product'), t('Productcode van de toewijzing (zorgperioden) of van de declaratieregel; leeg als de toewijzing geen productcode noemt.', 'Product code of the assignment (care periods) or of the declaration line; empty when the assignment names none.')),
  referrer: d(
    t('Verwijzer', 'Referrer'),
    t(
      'Type verwijzer (COD327) uit het verzoek (JW315) dat bij de toewijzing hoort; zonder gekoppeld verzoek: "01 gemeentelijke toegang (afgeleid)".',
      'Referrer type (COD327) from the request (JW315) linked to the assignment; without a linked request: "01 municipal access (derived)".',
    ),
  ),
  gp: d(
    t('Verwijzende praktijk', 'Referring practice'),
    t('AGB-code van de verwijzende zorgverlener (huisartspraktijk) uit het gekoppelde verzoek; leeg als die ontbreekt.', 'AGB code of the referring practitioner (GP practice) from the linked request; empty when absent.'),
  ),
  gender: d(t('Geslacht', 'Gender'), t('Geslacht volgens de laatste geldende toewijzing (JW301).', 'Gender according to the latest winning assignment (JW301).')),
  ageband: d(
    t('Leeftijd', 'Age band'),
    t(
      'Leeftijd in hele jaren vanaf de 15e van de geboortemaand, op de laatste dag in de periode van de cel waarop het kind in zorg was (bij declaraties: het einde van de productperiode).',
      "Age in whole years from the 15th of the birth month, on the last day of the cell's period on which the child was in care (for declarations: the end of the product period).",
    ),
  ),
  pc4: d(t('Postcode (PC4)', 'Postcode (PC4)'), t('De vier cijfers van de postcode van het BRP-adres van het kind zelf (nooit een instellingsadres).', "The four digits of the postcode of the child's own BRP address (never an institution's address).")),
  wijk: d(t('Wijk', 'District'), t('Wijk volgens de geïmporteerde tabel PC4 → wijk; zonder tabel leeg.', 'District from the imported PC4 → district table; empty without one.')),
  school: d(t('School', 'School'), t('School van het kind volgens de gekoppelde leerplichtadministratie; leeg als niet gekoppeld.', "The child's school according to the linked attendance register; empty when not linked.")),
  year: d(t('Jaar', 'Year'), t('Kalenderjaar.', 'Calendar year.')),
  quarter: d(t('Kwartaal', 'Quarter'), t('Kalenderkwartaal.', 'Calendar quarter.')),
  month: d(t('Maand', 'Month'), t('Kalendermaand. Maanden minder dan 3 maanden voor de peildatum zijn voorlopig (declaraties komen nog binnen).', 'Calendar month. Months less than 3 months before the reference date are provisional (declarations are still arriving).')),
  endReason: d(
    t('Reden einde', 'End reason'),
    t('RedenBeeindiging (JZ588) van de stop die de zorgperiode beëindigde; "lopend" als de periode nog loopt.', 'RedenBeeindiging (JZ588) of the stop that ended the care period; "ongoing" when it still runs.'),
  ),
  unit: d(
    t('Eenheid', 'Unit'),
    t('Eenheid van het geleverde volume (JZ014 / WMO757) van de declaratieregel; alleen bij declaraties.', 'Unit of the delivered volume of the declaration line; declarations only.'),
  ),
};

const m = (unit: Unit, label: Text, definition: Text): Definition & { unit: Unit } => ({ unit, label, definition });

export const MEASURE_INFO: Record<MeasureId, Definition & { unit: Unit }> = {
  clients: m(
    'count',
    t('Cliënten', 'Clients'),
    t(
      'Aantal verschillende kinderen met een zorgperiode die de periode overlapt; totalen tellen elk kind één keer (geen optelling). Toegewezen maar niet gestart telt niet.',
      'Number of distinct children with a care period overlapping the period; totals count each child once (never a sum). Assigned but not started does not count.',
    ),
  ),
  trajectories: m(
    'count',
    t('Trajecten', 'Trajectories'),
    t(
      'Zorgperioden van één kind bij één aanbieder in één hulpvorm en gemeente, samengevoegd als ze overlappen of aansluiten; geteld als ze de periode overlappen. Categorie 40 en 42 tellen niet.',
      'Care periods of one child at one provider in one segment and municipality, merged when they overlap or touch; counted when overlapping the period. Categories 40 and 42 do not count.',
    ),
  ),
  assignments: m(
    'count',
    t('Toewijzingen', 'Assignments'),
    t('Geldende, niet verwijderde toewijzingen (laatste versie) waarvan [Ingangsdatum, Einddatum] de periode overlapt; ook als de zorg niet startte.', 'Winning, not deleted assignments whose [start, end] overlaps the period; also when care never started.'),
  ),
  volume: m(
    'volume',
    t('Volume', 'Volume'),
    t(
      'Som van het geleverde volume (GeleverdVolume) van de declaratieregels, in hun eenheid; minuten als uren. Volumes van verschillende eenheden worden nooit opgeteld: dan blijft de cel leeg (kies de dimensie Eenheid).',
      'Sum of delivered volume of the declaration lines, in their unit; minutes as hours. Volumes of different units are never added: the cell stays empty then (use the Unit dimension).',
    ),
  ),
  claimed: m(
    'eurocent',
    t('Gedeclareerd (€)', 'Claimed (€)'),
    t('Som van de ingediende bedragen (debet positief, credit negatief) naar maand van de productperiode, niet naar declaratiedatum.', 'Sum of claimed amounts (debit positive, credit negative) by month of the product period, not by declaration date.'),
  ),
  approved: m('eurocent', t('Toegekend (€)', 'Approved (€)'), t('Som van de declaratieregels waarvoor een JW325 binnen is die ze niet afwijst.', 'Sum of declaration lines whose JW325 has arrived and does not reject them.')),
  pending: m('eurocent', t('In behandeling (€)', 'Pending (€)'), t('Som van de declaratieregels waarvoor nog geen JW325 binnen is.', 'Sum of declaration lines whose JW325 has not arrived yet.')),
  perClient: m(
    'eurocent',
    t('€ per cliënt', '€ per client'),
    t('Toegekend bedrag gedeeld door het aantal verschillende kinderen met toegekende regels in de cel; in totalen opnieuw berekend, nooit opgeteld.', 'Approved amount divided by the number of distinct children with approved lines in the cell; recomputed at totals, never summed.'),
  ),
  price: m(
    'eurocent',
    t('Effectieve prijs (€/eenheid)', 'Effective price (€/unit)'),
    t(
      'Toegekend bedrag gedeeld door het geleverde volume (minuten als uren; eenheid 83 telt niet mee); leeg als de cel meerdere eenheden bevat.',
      'Approved amount divided by the delivered volume (minutes as hours; unit 83 excluded); empty when the cell holds more than one unit.',
    ),
  ),
  durationMean: m(
    'days',
    t('Gem. duur traject (dagen)', 'Mean trajectory duration (days)'),
    t('Gemiddelde duur van de trajecten in de cel, van start tot einde (lopende trajecten tot de peildatum), in dagen.', 'Mean duration of the trajectories in the cell, from start to end (ongoing ones to the reference date), in days.'),
  ),
  durationMedian: m('days', t('Mediane duur traject (dagen)', 'Median trajectory duration (days)'), t('Mediaan van dezelfde duren.', 'Median of the same durations.')),
};
