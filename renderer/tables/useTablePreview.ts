// Reads a picked file's first rows, detected format and suggested mapping (tables/preview), again whenever
// the file, the kind, the sheet or the source (whose saved mapping it looks up) changes.
import { useEffect, useState } from 'react';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { TableKind, TablePreview } from '../../core/contract/tables.js';

export interface TableFile {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export type PreviewState = { status: 'none' } | { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; preview: TablePreview };

export function useTablePreview(api: SpiegelApi, file: TableFile | null, kind: TableKind, source: string, sheet: string): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: 'none' });
  useEffect(() => {
    if (!file) {
      setState({ status: 'none' });
      return;
    }
    let stale = false;
    setState({ status: 'loading' });
    const args = { file, kind, ...(source.trim() ? { source: source.trim() } : {}), ...(sheet.trim() ? { sheet: sheet.trim() } : {}) };
    void api.invoke('tables/preview', args).then((r) => {
      if (stale) return;
      setState(r.ok ? { status: 'ready', preview: r.value } : { status: 'error', message: r.error.message });
    });
    return () => {
      stale = true;
    };
  }, [api, file, kind, source, sheet]);
  return state;
}
