// The compare view's tabs as a WAI-ARIA tablist: one tab in the Tab order (roving tabindex), the arrow keys,
// Home and End move between tabs and open the one they land on (automatic activation: each panel is one call).
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

interface Props<T extends string> {
  tabs: readonly T[];
  active: T;
  label: string;
  idBase: string;
  name: (tab: T) => string;
  onChange: (tab: T) => void;
  children: ReactNode;
}

export const tabId = (idBase: string, tab: string) => `${idBase}-tab-${tab}`;
export const panelId = (idBase: string, tab: string) => `${idBase}-panel-${tab}`;

export function Tabs<T extends string>({ tabs, active, label, idBase, name, onChange, children }: Props<T>) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = tabs.indexOf(active);
    const next =
      e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length]
      : e.key === 'ArrowLeft' ? tabs[(i - 1 + tabs.length) % tabs.length]
      : e.key === 'Home' ? tabs[0]
      : e.key === 'End' ? tabs[tabs.length - 1]
      : undefined;
    if (next === undefined) return;
    e.preventDefault();
    onChange(next);
    refs.current[next]?.focus();
  };
  return (
    <>
      <div className="compare-tabs" role="tablist" aria-label={label}>
        {tabs.map((tab) => (
          <button
            key={tab}
            ref={(el) => {
              refs.current[tab] = el;
            }}
            type="button"
            role="tab"
            id={tabId(idBase, tab)}
            aria-selected={tab === active}
            aria-controls={panelId(idBase, tab)}
            tabIndex={tab === active ? 0 : -1}
            onClick={() => onChange(tab)}
            onKeyDown={onKey}
          >
            {name(tab)}
          </button>
        ))}
      </div>
      <div className="compare-panel" role="tabpanel" id={panelId(idBase, active)} aria-labelledby={tabId(idBase, active)} tabIndex={0}>
        {children}
      </div>
    </>
  );
}
