// The one modal dialog of the app (help, shortcuts, the tour, indicators, confirmations): the native <dialog> shown modally, so focus
// stays inside and the page behind is inert; Escape closes; on close the focus goes back to where it was
// (the Help button, the grid cell where '?' was pressed).
import { useId, useLayoutEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import './ui.css';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Buttons at the bottom; a plain close button when absent. */
  actions?: ReactNode;
  closeLabel: string;
  className?: string;
  /** Where the dialog sits, e.g. beside the nav link a tour step is about. */
  style?: CSSProperties;
  /** A selector inside the dialog to focus first (else the browser picks the first focusable element). */
  initialFocus?: string;
}

export function Dialog({ title, onClose, children, actions, closeLabel, className, style, initialFocus }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useLayoutEffect(() => {
    const dialog = ref.current;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    if (initialFocus) dialog?.querySelector<HTMLElement>(initialFocus)?.focus();
    return () => {
      dialog?.close();
      if (before?.isConnected) before.focus();
    };
    // Opened once per mount; the first focus is chosen at that moment only.
  }, []);
  return (
    <dialog
      ref={ref}
      className={`ui-dialog${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      style={style}
      onCancel={(e) => {
        // Escape: let React's state close it, so the focus is returned in one place.
        e.preventDefault();
        onClose();
      }}
    >
      <header className="ui-dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="secondary ui-dialog-x" onClick={onClose} aria-label={closeLabel} title={closeLabel}>
          ×
        </button>
      </header>
      {/* Long help scrolls: focusable so the arrow keys scroll it without a mouse. */}
      <div className="ui-dialog-body" tabIndex={0} role="region" aria-labelledby={titleId}>
        {children}
      </div>
      <div className="ui-dialog-actions">
        {actions ?? (
          <button type="button" onClick={onClose}>
            {closeLabel}
          </button>
        )}
      </div>
    </dialog>
  );
}
