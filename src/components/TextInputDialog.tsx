import { View } from '@tarojs/components';
import { Dialog, Input } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import { InlineMessage } from './InlineMessage';
import './TextInputDialog.scss';

export interface TextInputDialogProps {
  visible: boolean;
  title: string;
  placeholder: string;
  /** The text the input starts with each time the dialog opens. */
  initialValue?: string;
  confirmText?: string;
  maxLength?: number;
  /** Said when the person confirms an empty input. */
  emptyMessage: string;
  /** Saves the trimmed text; resolves with a problem to show (the dialog stays open) or nothing (it closes). */
  onSubmit: (value: string) => Promise<string | undefined>;
  onClose: () => void;
}

/** Asks for one line of text, e.g. a union group's name, and shows the server's objection inside. */
export function TextInputDialog(props: TextInputDialogProps) {
  const { visible, title, placeholder, initialValue = '', confirmText = '保存', maxLength = 32, emptyMessage, onSubmit, onClose } = props;
  const [value, setValue] = useState(initialValue);
  const [problem, setProblem] = useState('');

  useEffect(() => {
    if (visible) {
      setValue(initialValue);
      setProblem('');
    }
  }, [visible, initialValue]);

  const confirm = async () => {
    const text = value.trim();
    const found = text ? await onSubmit(text) : emptyMessage;
    if (found) {
      setProblem(found);
      // NutUI keeps the dialog open when onConfirm rejects.
      throw new Error(found);
    }
  };

  return (
    <Dialog
      visible={visible}
      title={title}
      confirmText={confirmText}
      cancelText="取消"
      closeOnOverlayClick={false}
      onConfirm={confirm}
      onCancel={onClose}
      onClose={onClose}
    >
      <View className="text-input-dialog">
        <Input className="text-input-dialog__input" name="text" placeholder={placeholder} value={value} onChange={setValue} maxLength={maxLength} clearable />
        <InlineMessage text={problem} />
      </View>
    </Dialog>
  );
}
TextInputDialog.displayName = 'TextInputDialog';
