import type { ReactNode } from 'react';
import { Dialog } from '../ui/Dialog.js';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A confirmation in the app's one modal dialog (renderer/ui/Dialog.tsx): focus stays inside, Escape and × cancel,
 *  and Cancel has the focus first because the action it guards cannot be taken back. */
export function ConfirmDialog({ title, children, confirmLabel, cancelLabel, onConfirm, onCancel }: Props) {
  return (
    <Dialog
      title={title}
      className="confirm-dialog"
      onClose={onCancel}
      closeLabel={cancelLabel}
      initialFocus=".confirm-cancel"
      actions={
        <>
          <button type="button" className="secondary confirm-cancel" onClick={onCancel}>
            {cancelLabel}
          </button>
          <button type="button" className="danger" onClick={onConfirm}>
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
