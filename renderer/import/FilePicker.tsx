import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes, formatNumber } from '../format.js';
import { fromDrop, fromFileList, mergePicked, totalBytes, type PickedFile } from './pickFiles.js';
import { MAX_SEND_BYTES } from './useImportRun.js';

interface Props {
  disabled: boolean;
  onImport: (files: PickedFile[], source: string) => void;
}

/** Drop zone plus file and folder pickers; what is chosen waits for "Importeren", so a source label can
 *  still be added and a wrong pick cleared. */
export function FilePicker({ disabled, onImport }: Props) {
  const { t } = useTranslation();
  const sourceId = useId();
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<PickedFile[]>([]);
  const [source, setSource] = useState('');
  const [over, setOver] = useState(false);
  const [dropError, setDropError] = useState<string | null>(null);

  const add = (files: PickedFile[]) => setPicked((current) => mergePicked(current, files));
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (disabled) return;
    setDropError(null);
    fromDrop(e.dataTransfer).then(add, (err: unknown) => setDropError((err as Error).message));
  };
  const bytes = totalBytes(picked);
  const tooLarge = bytes > MAX_SEND_BYTES;

  return (
    <section className="picker" aria-labelledby="picker-title">
      <h3 id="picker-title">{t('picker.title')}</h3>
      <div
        className={`dropzone${over ? ' over' : ''}${disabled ? ' disabled' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>{t('picker.drop')}</p>
        <div className="picker-buttons">
          <button type="button" disabled={disabled} onClick={() => filesInput.current?.click()}>
            {t('picker.chooseFiles')}
          </button>
          <button type="button" disabled={disabled} onClick={() => folderInput.current?.click()}>
            {t('picker.chooseFolder')}
          </button>
        </div>
        <p className="note">{t('picker.formats')}</p>
        {/* The inputs stay hidden behind the buttons; a new pick adds to what is already chosen. */}
        <input ref={filesInput} type="file" name="files" multiple hidden tabIndex={-1} onChange={(e) => {
          add(fromFileList(e.target.files));
          e.target.value = '';
        }} />
        <input ref={(el) => {
          folderInput.current = el;
          el?.setAttribute('webkitdirectory', '');
        }} type="file" name="folder" hidden tabIndex={-1} onChange={(e) => {
          add(fromFileList(e.target.files));
          e.target.value = '';
        }} />
      </div>
      {dropError && <p className="error" role="alert">{t('picker.dropError', { message: dropError })}</p>}

      {picked.length > 0 && (
        <div className="picked">
          <p className="picked-summary">
            {t('picker.chosen', { count: picked.length, n: formatNumber(picked.length), size: formatBytes(bytes) })}
          </p>
          <ul className="picked-list">
            {picked.slice(0, 8).map((p, i) => (
              <li key={i}>{p.name}</li>
            ))}
            {picked.length > 8 && <li className="note">{t('picker.more', { n: formatNumber(picked.length - 8) })}</li>}
          </ul>
          <div className="control">
            <label htmlFor={sourceId}>{t('picker.source')}</label>
            <input id={sourceId} type="text" value={source} maxLength={200} placeholder={t('picker.sourceExample')} onChange={(e) => setSource(e.target.value)} />
          </div>
          {tooLarge && <p className="error" role="alert">{t('picker.tooLarge', { size: formatBytes(bytes), max: formatBytes(MAX_SEND_BYTES) })}</p>}
          <div className="picker-buttons">
            <button type="button" className="primary" disabled={disabled || tooLarge} onClick={() => {
              onImport(picked, source);
              setPicked([]);
              setSource('');
            }}>
              {t('picker.import')}
            </button>
            <button type="button" className="secondary" disabled={disabled} onClick={() => setPicked([])}>
              {t('picker.clear')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
