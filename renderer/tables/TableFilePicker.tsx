import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../format.js';
import { fromDrop, fromFileList, type PickedFile } from '../import/pickFiles.js';

/** One CSV or XLSX file, dropped or picked. */
export function TableFilePicker({ chosen, onPick }: { chosen: { name: string; size: number } | null; onPick: (file: PickedFile) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const take = (files: PickedFile[]) => {
    setError(files.length > 1 ? t('tables.picker.oneFile', { name: files[0]!.name }) : null);
    if (files[0]) onPick(files[0]);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    fromDrop(e.dataTransfer).then(take, (err: unknown) => setError((err as Error).message));
  };
  return (
    <div
      className={`dropzone small${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p>{chosen ? t('tables.picker.chosen', { name: chosen.name, size: formatBytes(chosen.size) }) : t('tables.picker.drop')}</p>
      <div className="picker-buttons">
        <button type="button" onClick={() => input.current?.click()}>
          {chosen ? t('tables.picker.other') : t('tables.picker.choose')}
        </button>
      </div>
      <input ref={input} type="file" name="table-file" accept=".csv,.txt,.tsv,.xlsx" hidden tabIndex={-1} onChange={(e) => {
        take(fromFileList(e.target.files));
        e.target.value = '';
      }} />
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}
