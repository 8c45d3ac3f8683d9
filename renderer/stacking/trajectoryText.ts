// One trajectory of a case list as a short line: "2 · Verblijf · 12345678 · 01-03-2024–31-05-2024 (nr 4711)".
// Number 0 is a JB/JR trajectory (not numbered, shown for context).
import type { RegieTrajectory } from '../../core/contract/stacking.js';
import { formatDate } from '../format.js';

export function trajectoryText(x: RegieTrajectory, segmentLabel: (s: string) => string, providerLabel: (agb: string) => string, running: string): string {
  const nr = x.number > 0 ? `${x.number} · ` : 'JB/JR · ';
  const span = `${formatDate(x.start)}–${x.end ? formatDate(x.end) : running}`;
  return `${nr}${segmentLabel(x.segment)} · ${providerLabel(x.provider)} · ${span} (nr ${x.toewijzingNrs.join(', ')})`;
}
