// Rows and columns of the pivot: every dimension is a chip with buttons (add to rows / columns, move up or
// down, remove), and the same chips can be dragged between the lists with the mouse. Every action has a
// button with a spoken name, so the keyboard can do all the mouse can.
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PivotQuery } from '../../../core/contract/pivot.js';
import type { DimensionsResult } from '../../../core/contract/methods.js';
import { isDimension, type DimensionId, type Lang } from '../../../core/registry.js';
import { addField, canRemove, cannotAdd, moveField, removeField, SLOT_MAX, type Slot } from './queryState.js';

interface Props {
  meta: DimensionsResult;
  query: PivotQuery;
  onChange: (q: PivotQuery) => void;
}

type Zone = Slot | 'available';
const DRAG_TYPE = 'application/x-spiegel-dimension';

export function FieldPicker({ meta, query, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const root = useRef<HTMLDivElement>(null);
  const [over, setOver] = useState<Zone | null>(null);
  // After a button moves a chip to another list, focus follows it there (else it would fall to <body>).
  const [focus, setFocus] = useState<{ dim: DimensionId; action: string } | null>(null);
  useEffect(() => {
    if (!focus || !root.current) return;
    const chip = root.current.querySelector(`[data-dim="${focus.dim}"]`);
    const target = chip?.querySelector<HTMLButtonElement>(`[data-action="${focus.action}"]:not(:disabled)`) ?? chip?.querySelector<HTMLButtonElement>('button:not(:disabled)');
    target?.focus();
    setFocus(null);
  }, [focus]);

  const info = (dim: DimensionId) => meta.dimensions.find((d) => d.id === dim);
  const name = (dim: DimensionId) => info(dim)?.label[lang] ?? dim;
  const act = (next: PivotQuery, dim: DimensionId, action: string) => {
    if (next === query) return;
    onChange(next);
    setFocus({ dim, action });
  };
  const slotName = (slot: Slot) => t(`workbench.fields.${slot}`);
  const reason = (slot: Slot, dim: DimensionId): string | undefined => {
    const why = cannotAdd(query, slot, dim);
    if (why === 'full') return t('workbench.fields.full', { slot: slotName(slot), max: SLOT_MAX[slot] });
    if (why === 'lastRow') return t('workbench.fields.lastRow');
    return undefined;
  };

  const button = (dim: DimensionId, action: string, text: string, label: string, disabledWhy: string | undefined | false, run: () => PivotQuery) => (
    <button type="button" data-action={action} aria-label={label} title={disabledWhy || label} disabled={disabledWhy !== undefined && disabledWhy !== false} onClick={() => act(run(), dim, action)}>
      {text}
    </button>
  );

  const chip = (dim: DimensionId, zone: Zone, index: number) => {
    const n = name(dim);
    const list = zone === 'available' ? [] : query[zone];
    return (
      <li
        key={dim}
        data-dim={dim}
        className="field-chip"
        draggable
        title={info(dim)?.definition[lang]}
        onDragStart={(e) => {
          e.dataTransfer.setData(DRAG_TYPE, dim);
          e.dataTransfer.setData('text/plain', dim);
          e.dataTransfer.effectAllowed = 'move';
        }}
        onDragOver={zone === 'available' ? undefined : (e) => allow(e, zone)}
        onDrop={zone === 'available' ? undefined : (e) => drop(e, zone, index)}
      >
        <span className="field-name">{n}</span>
        {zone === 'available' ? (
          <>
            {button(dim, 'rows', t('workbench.fields.addRows'), t('workbench.fields.toRows', { field: n }), reason('rows', dim), () => addField(query, 'rows', dim))}
            {button(dim, 'cols', t('workbench.fields.addCols'), t('workbench.fields.toCols', { field: n }), reason('cols', dim), () => addField(query, 'cols', dim))}
          </>
        ) : (
          <>
            {button(dim, 'up', '↑', t('workbench.fields.up', { field: n }), index === 0 && '', () => moveField(query, dim, -1))}
            {button(dim, 'down', '↓', t('workbench.fields.down', { field: n }), index === list.length - 1 && '', () => moveField(query, dim, 1))}
            {zone === 'rows'
              ? button(dim, 'cols', '→', t('workbench.fields.toCols', { field: n }), reason('cols', dim), () => addField(query, 'cols', dim))
              : button(dim, 'rows', '←', t('workbench.fields.toRows', { field: n }), reason('rows', dim), () => addField(query, 'rows', dim))}
            {button(dim, 'remove', '✕', t('workbench.fields.remove', { field: n }), canRemove(query, dim) ? undefined : t('workbench.fields.lastRow'), () => removeField(query, dim))}
          </>
        )}
      </li>
    );
  };

  // dragover cannot read the dragged value (browsers hide it until the drop), so every drop is allowed
  // and checked on arrival by the same rules as the buttons.
  function allow(e: DragEvent, zone: Zone) {
    if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    setOver(zone);
  }
  function drop(e: DragEvent, zone: Zone, index?: number) {
    e.preventDefault();
    e.stopPropagation();
    setOver(null);
    const dim = e.dataTransfer.getData(DRAG_TYPE);
    if (!isDimension(dim)) return;
    if (zone === 'available') onChange(removeField(query, dim));
    else if (query[zone].includes(dim)) {
      // Reordering within one list: step by step to the chip it was dropped on (or the end).
      const to = index ?? query[zone].length - 1;
      const from = query[zone].indexOf(dim);
      let q = query;
      for (let i = from; i !== to; i += to > from ? 1 : -1) q = moveField(q, dim, to > from ? 1 : -1);
      onChange(q);
    } else onChange(addField(query, zone, dim, index));
  }

  const zone = (id: Zone, dims: readonly DimensionId[], title: string, hint?: string) => (
    <section
      className={`field-zone zone-${id}${over === id ? ' over' : ''}`}
      aria-label={title}
      onDragOver={(e) => allow(e, id)}
      onDragLeave={() => setOver((o) => (o === id ? null : o))}
      onDrop={(e) => drop(e, id)}
    >
      <h4>
        {title}
        {id !== 'available' && <span className="count"> ({dims.length}/{SLOT_MAX[id]})</span>}
      </h4>
      <ol>{dims.map((d, i) => chip(d, id, i))}</ol>
      {hint && dims.length === 0 && <p className="hint">{hint}</p>}
    </section>
  );

  const used = new Set<DimensionId>([...query.rows, ...query.cols]);
  const available = meta.dimensions.map((d) => d.id).filter((d) => !used.has(d));
  return (
    <div className="field-picker" ref={root}>
      {zone('rows', query.rows, slotName('rows'))}
      {zone('cols', query.cols, slotName('cols'), t('workbench.fields.dropHere'))}
      {zone('available', available, t('workbench.fields.available'))}
    </div>
  );
}
