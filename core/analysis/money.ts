// The declaration lines the money analyses read (DOMAIN.md §8): claimed (ingediend) = Σ IngediendBedrag, by
// ProductPeriode month, debit positive and credit negative; data/analysis/load.ts builds them.
import type { Segment } from '../domain/segments.js';

export interface AnalysisLine {
  client: string; // pseudonym (never shown)
  municipality: string;
  provider: string;
  toewijzingNr: number;
  segment: Segment;
  product: string; // 'categorie/code'
  unit: string; // iJw Eenheid
  month: number; // yyyymm of the ProductPeriode
  days: number; // days of the ProductPeriode (periodEnd − periodStart + 1)
  volume: number; // GeleverdVolume (signed with the amount: a credit line takes its volume back)
  amount: number; // signed eurocent
  declared: number; // day number of the DeclaratieDagtekening
  original: boolean; // no VorigReferentieNummer
}
