// The shape of truth.json: what the generator planned, after its own retractions, deletions and shortenings.
// Written next to the messages so tests can compare Spiegel's figures with figures computed from the plan.

export interface TruthChild {
  bsn: string;
  /** Birth year and month, 'YYYY-MM'. */
  birth: string;
  gender: '1' | '2';
}

/** One care period as DOMAIN.md §5 derives it: a standing start, ended by a definitive stop or the winning assignment's Einddatum. */
export interface TruthPeriod {
  bsn: string;
  municipality: string;
  provider: string;
  nr: number;
  category: string;
  code: string;
  start: string;
  /** null = open (continues until the peildatum). */
  end: string | null;
  /** JZ588 code of the stop that ended it, else the reason matching the winning RedenWijziging, else 'onbekend';
   *  'lopend' when open. A period that ends after the peildatum still carries its (future) reason. Absent in
   *  truth files written before flows existed. */
  endReason?: string;
}

export type LineStatus = 'approved' | 'rejected' | 'pending';

export interface TruthLine {
  provider: string;
  municipality: string;
  bsn: string;
  ref: string;
  prevRef?: string;
  nr: number;
  category: string;
  code: string;
  /** The ProductPeriode month, 'YYYY-MM' (claimed counts by this month, not by declaration date). */
  month: string;
  /** ProductPeriode, always within one calendar month. */
  periodStart: string;
  periodEnd: string;
  /** Signed eurocent: debit positive, credit negative. */
  amount: number;
  /** approved: a JW325 arrived and does not list it; rejected: listed, or the whole declaration rejected; pending: no JW325 yet. */
  status: LineStatus;
  declaration: string;
}

/** An assignment as the winning JW301 version leaves it (deleted ones are listed with deleted: true). */
export interface TruthAssignment {
  municipality: string;
  provider: string;
  bsn: string;
  nr: number;
  category: string;
  code: string;
  start: string;
  end: string | null;
  started: boolean;
  deleted: boolean;
  versions: number;
  /** Toewijzingsdatum of the winning version; absent in truth files written before stacking existed. */
  assignedOn?: string;
  /** Dagtekening of the JW315 that requested it (null: none); absent in older truth files. */
  requested?: string | null;
}

export interface Truth {
  seed: number;
  scale: number;
  start: string;
  end: string;
  peildatum: string;
  /** Files written, truth.json included. */
  files: number;
  messages: number;
  messagesByCode: Record<string, number>;
  /** Planted edge cases: case name → BSNs of the children that carry it. */
  planted: Record<string, string[]>;
  /** Made-up providers (AGB-like code and name); the messages carry only the code. */
  providers: { agb: string; name: string }[];
  children: TruthChild[];
  periods: TruthPeriod[];
  assignments: TruthAssignment[];
  lines: TruthLine[];
  /** The planted shift (RegionOptions.shift): children moved from residential to ambulant care in `year`, and
   *  new ambulant children starting that year (no care before); absent when not planted. */
  shift?: { year: number; moved: string[]; newAmbulant: string[] };
  /** The planted stepped care (RegionOptions.stepped): bsn → highest trajectory number of the child's one
   *  episode, and the children planted at number 2 with a not-started assignment; absent when not planted. */
  stepped?: { year: number; highest: Record<string, number>; prospective: string[] };
}
