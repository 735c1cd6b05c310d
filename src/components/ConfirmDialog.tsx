import { Dialog } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';

export interface ConfirmDialogProps {
  visible: boolean;
  title: string;
  content: ReactNode;
  confirmText?: string;
  cancelText?: string;
  /**
   * Runs when the person confirms; the dialog shows a spinner meanwhile and closes when it settles.
   * Show its errors beside what it concerns: this dialog does not.
   */
  onConfirm: () => Promise<void> | void;
  onClose: () => void;
}

/** Asks before doing something that cannot be undone in one tap. */
export function ConfirmDialog({ visible, title, content, confirmText = '确定', cancelText = '取消', onConfirm, onClose }: ConfirmDialogProps) {
  return (
    <Dialog
      visible={visible}
      title={title}
      confirmText={confirmText}
      cancelText={cancelText}
      closeOnOverlayClick={false}
      onConfirm={async () => {
        try {
          await onConfirm();
        } catch {
          // The caller reports its own errors; the dialog closes either way.
        }
      }}
      onCancel={onClose}
      onClose={onClose}
    >
      {content}
    </Dialog>
  );
}
ConfirmDialog.displayName = 'ConfirmDialog';
