import { Input } from '@nutui/nutui-react-taro';
import { newOption, type OptionForm } from '../lib/vote-draft-form';
import { ListEditor } from './ListEditor';

export interface OptionsEditorProps {
  options: OptionForm[];
  update: (change: (list: OptionForm[]) => OptionForm[]) => void;
}

/** 问卷投票's options: at least two. */
export function OptionsEditor({ options, update }: OptionsEditorProps) {
  return (
    <ListEditor items={options} noun="选项" min={2} max={30} addText="+ 添加选项" update={update} create={newOption}>
      {(option, index, patch) => <Input placeholder={`选项 ${index + 1}`} value={option.label} maxLength={60} onChange={(label) => patch({ label })} />}
    </ListEditor>
  );
}
