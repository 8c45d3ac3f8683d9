// Writes one JW323 declaration file of a given size for the large-file import (build/scale-large-declaration.ts,
// test/unit/import-large.test.ts), streaming, with its ground truth counted while writing. It is the official
// example JW323 (reference/ijw/ijw-3.2/voorbeeldberichten) with its clients replaced by generated, varied,
// XSD-valid ones: 1-4 lines per client, distinct BSNs (valid elfproef), unique ReferentieNummers, one or two
// ToewijzingNummers per client, some credit lines (with a VorigReferentieNummer) and some without a tariff.
// TotaalIngediendBedrag is written as a zero-padded placeholder and filled in once the lines are known.
import { closeSync, openSync, writeSync } from 'node:fs';
import { exampleText } from '../test/fixtures/import/examples.js';
import { prng } from '../test/fixtures/prng.js';

export interface LargeDeclarationOptions {
  /** Target size; the file ends at the first client boundary past it (plus the closing tags). */
  bytes: number;
  seed?: number;
  identificatie?: string;
  declaratieNummer?: string;
}

/** Counted while writing, independently of the importer. */
export interface LargeDeclarationTruth {
  bytes: number;
  clients: number;
  lines: number;
  creditLines: number;
  /** Sum of the lines' signed amounts (D +, C −), eurocent; also what TotaalIngediendBedrag says. */
  total: number;
  /** Distinct ToewijzingNummers (none has a JW301, so each is an orphan). */
  toewijzingen: number;
}

const TOTAL_DIGITS = 12; // LDT_TotaalBedrag allows 12 digits; xs:integer allows leading zeros
const FLUSH_CHARS = 1 << 20;

/** A 9-digit number passing the BSN elfproef, from an 8-digit prefix; null when no check digit fits. */
export function bsnFrom(prefix: number): string | null {
  const digits = String(prefix).padStart(8, '0');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
  const check = sum % 11;
  return check === 10 ? null : `${digits}${check}`;
}

export function writeLargeDeclaration(file: string, options: LargeDeclarationOptions): LargeDeclarationTruth {
  const example = exampleText('JW323');
  const clientenAt = example.indexOf('<jw323:Clienten>') + '<jw323:Clienten>'.length;
  const head = `${example.slice(0, clientenAt)}\n`
    .replace('<ijw:Identificatie>765432198<', `<ijw:Identificatie>${options.identificatie ?? '765432198'}<`)
    .replace('<jw323:DeclaratieNummer>DN001<', `<jw323:DeclaratieNummer>${options.declaratieNummer ?? 'DN001'}<`)
    .replace('<ijw:TotaalBedrag>79000<', `<ijw:TotaalBedrag>${'0'.repeat(TOTAL_DIGITS)}<`);
  const lastClientEnd = example.lastIndexOf('</jw323:Client>') + '</jw323:Client>\n'.length;
  const tail = example.slice(lastClientEnd);
  // The head is ASCII: character offsets are byte offsets.
  const totalAt = head.indexOf('<ijw:TotaalBedrag>') + '<ijw:TotaalBedrag>'.length;
  const dcAt = head.indexOf('<ijw:DebetCredit>', totalAt) + '<ijw:DebetCredit>'.length;

  const random = prng(options.seed ?? 1);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const truth: LargeDeclarationTruth = { bytes: 0, clients: 0, lines: 0, creditLines: 0, total: 0, toewijzingen: 0 };
  const fd = openSync(file, 'w');
  try {
    let buffered = head;
    let written = 0;
    const flush = (): void => {
      written += writeSync(fd, buffered);
      buffered = '';
    };
    let prefix = 10_000_000;
    while (written + buffered.length + tail.length < options.bytes) {
      let bsn: string | null = null;
      while (bsn === null) bsn = bsnFrom(prefix++);
      const nummers = [100_000 + 2 * truth.clients, 100_001 + 2 * truth.clients];
      const used = new Set<number>();
      const lines: string[] = [];
      const count = 1 + Math.floor(random() * 4);
      for (let k = 0; k < count; k++) {
        truth.lines++;
        const nr = k === 0 ? nummers[0]! : pick(nummers);
        used.add(nr);
        const month = pick(['03', '04']);
        const volume = 1 + Math.floor(random() * 40);
        const tarief = 1000 + 50 * Math.floor(random() * 160);
        const credit = random() < 0.05;
        const amount = volume * tarief;
        truth.total += credit ? -amount : amount;
        if (credit) truth.creditLines++;
        const vorig = credit ? `\n\t\t\t\t\t\t\t<ijw:VorigReferentieNummer>RN${truth.lines - 1}</ijw:VorigReferentieNummer>` : '';
        const tariff = random() < 0.9 ? `\n\t\t\t\t\t\t<jw323:ProductTarief>${tarief}</jw323:ProductTarief>` : '';
        lines.push(`\t\t\t\t\t<jw323:Prestatie>
\t\t\t\t\t\t<jw323:ProductReferentie>
\t\t\t\t\t\t\t<ijw:ReferentieNummer>RN${truth.lines}</ijw:ReferentieNummer>${vorig}
\t\t\t\t\t\t</jw323:ProductReferentie>
\t\t\t\t\t\t<jw323:ToewijzingNummer>${nr}</jw323:ToewijzingNummer>
\t\t\t\t\t\t<jw323:ProductCategorie>45</jw323:ProductCategorie>
\t\t\t\t\t\t<jw323:ProductCode>${pick(['45A03', '45A04', '45A07', '45A48'])}</jw323:ProductCode>
\t\t\t\t\t\t<jw323:ProductPeriode>
\t\t\t\t\t\t\t<ijw:Begindatum>2026-${month}-01</ijw:Begindatum>
\t\t\t\t\t\t\t<ijw:Einddatum>2026-${month}-${month === '03' ? '31' : '30'}</ijw:Einddatum>
\t\t\t\t\t\t</jw323:ProductPeriode>
\t\t\t\t\t\t<jw323:GeleverdVolume>${volume}</jw323:GeleverdVolume>
\t\t\t\t\t\t<jw323:Eenheid>${pick(['01', '04', '14'])}</jw323:Eenheid>${tariff}
\t\t\t\t\t\t<jw323:IngediendBedrag>
\t\t\t\t\t\t\t<ijw:Bedrag>${amount}</ijw:Bedrag>
\t\t\t\t\t\t\t<ijw:DebetCredit>${credit ? 'C' : 'D'}</ijw:DebetCredit>
\t\t\t\t\t\t</jw323:IngediendBedrag>
\t\t\t\t\t</jw323:Prestatie>
`);
      }
      truth.clients++;
      truth.toewijzingen += used.size;
      buffered += `\t\t\t<jw323:Client>\n\t\t\t\t<jw323:Bsn>${bsn}</jw323:Bsn>\n\t\t\t\t<jw323:Prestaties>\n${lines.join('')}\t\t\t\t</jw323:Prestaties>\n\t\t\t</jw323:Client>\n`;
      if (buffered.length >= FLUSH_CHARS) flush();
    }
    buffered += tail;
    flush();
    writeSync(fd, String(Math.abs(truth.total)).padStart(TOTAL_DIGITS, '0'), totalAt);
    writeSync(fd, truth.total < 0 ? 'C' : 'D', dcAt);
    truth.bytes = written;
  } finally {
    closeSync(fd);
  }
  return truth;
}
