// What Spiegel knows about CBS jeugdzorg topics and dimension codes: a label and a unit per known key, so the
// compare view can say what a figure is. Unknown keys are shown as CBS names them, unit 'unknown'. Sources:
// the tables' StatLine pages (85098NED "Jongeren met jeugdzorg; gemeenten", 85099NED "Jeugdzorg; gebruik,
// regio"); keys and codes as they appear in the CBS OData/CSV downloads.
import type { BenchmarkFigure, BenchmarkUnit } from '../contract/benchmark.js';

interface Text { nl: string; en: string }
const t = (nl: string, en: string): Text => ({ nl, en });

const TOPICS: Record<string, { label: Text; unit: BenchmarkUnit }> = {
  JongerenMetJeugdhulpInNatura_1: { label: t('Jongeren met jeugdhulp in natura (%)', 'Youth with youth care in kind (%)'), unit: 'percent' },
  JongerenMetJeugdhMetVerblInNat_2: { label: t('Jongeren met jeugdhulp met verblijf in natura (%)', 'Youth with residential youth care in kind (%)'), unit: 'percent' },
  JongerenMetJeugdbescherming_3: { label: t('Jongeren met jeugdbescherming (%)', 'Youth with child protection (%)'), unit: 'percent' },
  JeugdbeschEnJeugdhMetVerblInNat_4: { label: t('Jeugdbescherming en jeugdhulp met verblijf (%)', 'Child protection and residential care (%)'), unit: 'percent' },
  JongerenMetJeugdreclassering_5: { label: t('Jongeren met jeugdreclassering (%)', 'Youth with juvenile probation (%)'), unit: 'percent' },
  JongerenMetJeugdzorg_1: { label: t('Jongeren met jeugdzorg', 'Youth in youth care'), unit: 'count' },
  JongerenMetJeugdzorgPer1000Jongeren_2: { label: t('Jongeren met jeugdzorg per 1.000 jongeren', 'Youth in youth care per 1,000 youth'), unit: 'per1000' },
};

/** 85099NED's VormenVanJeugdzorg codes. */
export const CARE_FORMS: Record<string, Text> = {
  A045561: t('totaal jeugdzorg', 'all youth care'),
  A045560: t('jeugdhulp', 'youth care'),
  A042503: t('jeugdhulp zonder verblijf', 'non-residential youth care'),
  A017916: t('zonder verblijf, door wijkteam', 'non-residential, by the district team'),
  A027917: t('zonder verblijf, niet door wijkteam', 'non-residential, not by the district team'),
  A027918: t('jeugdhulp met verblijf', 'residential youth care'),
  A027919: t('jeugdbescherming', 'child protection'),
  A027920: t('jeugdreclassering', 'juvenile probation'),
};

/** Splits a stored figure key ('Topic_1|Dim=code|…') and describes it. */
export function describeFigure(table: string, figure: string): BenchmarkFigure {
  const [topic, ...parts] = figure.split('|');
  const dimensions = Object.fromEntries(parts.map((p) => p.split('=') as [string, string]));
  const known = TOPICS[topic!];
  const base = known?.label ?? t(topic!, topic!);
  const extra = Object.values(dimensions).map((code) => CARE_FORMS[code] ?? t(code, code));
  const label = extra.length ? t(`${base.nl}: ${extra.map((x) => x.nl).join(', ')}`, `${base.en}: ${extra.map((x) => x.en).join(', ')}`) : base;
  return { key: `${table}:${figure}`, table, topic: topic!, dimensions, label, unit: known?.unit ?? 'unknown' };
}
