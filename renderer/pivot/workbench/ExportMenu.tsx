// Exports of exactly what is shown: CSV (Dutch Excel) and XLSX from the data process (export/pivot, always
// suppressed, collapsed rows left out), the chart as PNG or SVG (a vega view's toImageURL), and the table as
// tab-separated text on the clipboard. Chart and clipboard are drawn from suppressed figures too, whatever
// the working view shows.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../../core/contract/api.js';
import type { PivotQuery, PivotResult } from '../../../core/contract/pivot.js';
import { titleLine } from '../../../core/export/title.js';
import type { Lang } from '../../../core/registry.js';
import { chartImage } from './chartEmbed.js';
import { chartModel, drawnKind } from './chartModel.js';
import { chartSpec, type ChartTexts } from './chartSpec.js';
import { clipboardText } from './clipboard.js';
import { downloadBytes, downloadUrl } from './download.js';
import { exportFailure } from '../../work/Cancelled.js';

interface Props {
  api: SpiegelApi;
  query: PivotQuery;
  result: PivotResult | null;
  collapsed: string[][];
  chart: 'none' | 'bar' | 'line' | 'stacked';
  /** The chart's titles for a query and model (the same as on screen). */
  chartTexts: (query: PivotQuery, model: ReturnType<typeof chartModel>) => ChartTexts;
  /** What the pivot shows, e.g. "Cliënten per Gemeente × Jaar": the exported chart's title. */
  caption: string;
}

export function ExportMenu({ api, query, result, collapsed, chart, chartTexts, caption }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const done = (text: string) => setStatus({ text, error: false });
  const failed = (message: string) => setStatus({ text: t('workbench.export.failed', { message }), error: true });

  const file = async (format: 'csv' | 'xlsx') => {
    setStatus(null); // the last outcome (e.g. "cancelled") is not this export's
    const r = await api.invoke('export/pivot', { query, format, lang, collapsed });
    if (!r.ok) return setStatus(exportFailure(t, r.error));
    downloadBytes(r.value.bytes, r.value.fileName, r.value.mime);
    done(t('workbench.export.saved', { file: r.value.fileName }));
  };

  /** The figures as they may leave the app: the current result when it is suppressed, else a suppressed run. */
  const suppressed = async (): Promise<PivotResult | null> => {
    if (result && result.suppression.applied) return result;
    const r = await api.invoke('query/pivot', { ...query, suppress: true });
    if (!r.ok) failed(r.error.message);
    return r.ok ? r.value : null;
  };

  const image = async (type: 'png' | 'svg') => {
    const shown = await suppressed();
    const kind = shown ? drawnKind(chart, shown.query) : 'none';
    if (!shown || kind === 'none') return;
    try {
      const model = chartModel(shown, kind, lang);
      // An empty picture would look like "no clients"; say instead that suppression left nothing to draw.
      if (model.points.length === 0) return failed(t('workbench.export.nothingToDraw'));
      const texts = chartTexts(shown.query, model);
      const subtitle = [titleLine(shown, lang), ...(model.suppressed > 0 ? [t('workbench.chart.suppressed', { count: model.suppressed, n: model.suppressed })] : [])];
      const url = await chartImage(chartSpec(model, kind, texts), type, { text: caption, subtitle });
      const name = `${t('workbench.export.chartFile')}-${new Date().toISOString().slice(0, 10)}.${type}`;
      downloadUrl(url, name);
      if (url.startsWith('blob:')) setTimeout(() => URL.revokeObjectURL(url), 30_000);
      done(t('workbench.export.saved', { file: name }));
    } catch (e) {
      failed((e as Error).message);
    }
  };

  const copy = async () => {
    const shown = await suppressed();
    if (!shown) return;
    try {
      await navigator.clipboard.writeText(clipboardText(shown, lang, collapsed));
      done(t('workbench.export.copied'));
    } catch (e) {
      failed((e as Error).message);
    }
  };

  return (
    <details className="menu export-menu">
      <summary>{t('workbench.export.title')}</summary>
      <div className="menu-body">
        <p className="hint">{t('workbench.export.suppressedNote')}</p>
        <div className="menu-buttons">
          <button type="button" onClick={() => void file('csv')}>
            {t('workbench.export.csv')}
          </button>
          <button type="button" onClick={() => void file('xlsx')}>
            {t('workbench.export.xlsx')}
          </button>
          <button type="button" onClick={() => void copy()}>
            {t('workbench.export.copy')}
          </button>
          <button type="button" disabled={chart === 'none'} title={chart === 'none' ? t('workbench.export.noChart') : undefined} onClick={() => void image('png')}>
            {t('workbench.export.png')}
          </button>
          <button type="button" disabled={chart === 'none'} title={chart === 'none' ? t('workbench.export.noChart') : undefined} onClick={() => void image('svg')}>
            {t('workbench.export.svg')}
          </button>
        </div>
        <p className={status?.error ? 'error' : 'status'} role={status?.error ? 'alert' : 'status'}>
          {status?.text}
        </p>
      </div>
    </details>
  );
}
