import { View, Text } from '@tarojs/components';
import { Button, Input, InputNumber, Switch } from '@nutui/nutui-react-taro';
import { CHOICE_KIND_LABELS, newChoice, newId, type ChoiceForm, type ChoiceKind } from '../lib/draft-form';

export interface ChoicesEditorProps {
  choices: ChoiceForm[];
  onChange: (choices: ChoiceForm[]) => void;
}

const KINDS = Object.keys(CHOICE_KIND_LABELS) as ChoiceKind[];

/** The per-person questions of the sign-up form: add, remove, word them, their options, required, max. */
export function ChoicesEditor({ choices, onChange }: ChoicesEditorProps) {
  const update = (id: string, patch: Partial<ChoiceForm>) => onChange(choices.map((c) => (c.id === id ? { ...c, ...patch } : c)));

  return (
    <View className="edit__choices">
      {choices.length === 0 && <Text className="edit__hint">没有需要每人填写的问题。可以加上比如「参加哪些项目（最多 2 项）」「是否需要乘车」。</Text>}
      {choices.map((choice, index) => (
        <View key={choice.id} className="edit__choice">
          <View className="edit__choice-head">
            <Text className="edit__choice-kind">
              问题 {index + 1} · {CHOICE_KIND_LABELS[choice.kind]}
            </Text>
            <Text className="edit__link edit__link--danger" onClick={() => onChange(choices.filter((c) => c.id !== choice.id))}>
              删除问题
            </Text>
          </View>
          <Input placeholder="问题，例如 参加哪些项目" value={choice.label} maxLength={40} onChange={(label) => update(choice.id, { label })} />
          {(choice.kind === 'single' || choice.kind === 'multi') && (
            <View className="edit__options">
              {choice.options.map((option, i) => (
                <View key={option.id} className="edit__option">
                  <Input
                    placeholder={`选项 ${i + 1}`}
                    value={option.label}
                    maxLength={40}
                    onChange={(label) => update(choice.id, { options: choice.options.map((o) => (o.id === option.id ? { ...o, label } : o)) })}
                  />
                  {choice.options.length > 2 && (
                    <Text className="edit__link edit__link--danger" onClick={() => update(choice.id, { options: choice.options.filter((o) => o.id !== option.id) })}>
                      删除
                    </Text>
                  )}
                </View>
              ))}
              <Text className="edit__link" onClick={() => update(choice.id, { options: [...choice.options, { id: newId('o'), label: '' }] })}>
                + 添加选项
              </Text>
            </View>
          )}
          {choice.kind === 'multi' && (
            <View className="edit__row">
              <Text className="edit__label">最多选几项</Text>
              <InputNumber value={choice.max} min={1} max={Math.max(1, choice.options.length)} onChange={(max) => update(choice.id, { max: Number(max) || 1 })} />
            </View>
          )}
          {choice.kind !== 'yesno' && (
            <View className="edit__row">
              <Text className="edit__label">必填</Text>
              <Switch checked={choice.required} onChange={(required) => update(choice.id, { required })} ariaLabel="必填" />
            </View>
          )}
        </View>
      ))}
      {choices.length < 10 && (
        <View className="edit__add-choice">
          {KINDS.map((kind) => (
            <Button key={kind} size="small" fill="outline" onClick={() => onChange([...choices, newChoice(kind)])}>
              + {CHOICE_KIND_LABELS[kind]}
            </Button>
          ))}
        </View>
      )}
    </View>
  );
}
