import { View, Text } from '@tarojs/components';
import { Checkbox, Input, InputNumber, Radio, Switch } from '@nutui/nutui-react-taro';
import type { Answers, Choice } from '../../types/activity';
import './SignupForm.scss';

export interface SignupFormValue {
  companions: number;
  answers: Answers;
}

export interface SignupFormProps {
  choices: readonly Choice[];
  /** 0 hides the companions stepper. */
  companionsMax: number;
  value: SignupFormValue;
  onChange: (value: SignupFormValue) => void;
  disabled?: boolean;
  /** Replaces 「每人最多 N 人，计入名额」 beside the stepper. */
  companionsHint?: string;
}

/** The per-person questions of an activity and the companions stepper, as one controlled form. */
export function SignupForm({ choices, companionsMax, value, onChange, disabled = false, companionsHint }: SignupFormProps) {
  const answer = (id: string, next: Answers[string]) => onChange({ ...value, answers: { ...value.answers, [id]: next } });

  return (
    <View className="signup-form">
      {choices.map((choice) => (
        <View key={choice.id} className="signup-form__question">
          <View className="signup-form__label">
            <Text>{choice.label}</Text>
            {choice.required && choice.kind !== 'yesno' && <Text className="signup-form__required">必填</Text>}
            {choice.kind === 'multi' && <Text className="signup-form__hint">最多选 {choice.max} 项</Text>}
          </View>
          {choice.kind === 'single' && (
            <Radio.Group value={(value.answers[choice.id] as string | undefined) ?? ''} disabled={disabled} onChange={(next) => answer(choice.id, String(next))}>
              {choice.options.map((option) => (
                <Radio key={option.id} className="signup-form__option" value={option.id}>
                  {option.label}
                </Radio>
              ))}
            </Radio.Group>
          )}
          {choice.kind === 'multi' && (
            <Checkbox.Group
              value={(value.answers[choice.id] as string[] | undefined) ?? []}
              max={choice.max}
              disabled={disabled}
              onChange={(next) => answer(choice.id, choice.options.map((o) => o.id).filter((id) => next.includes(id)))}
            >
              {choice.options.map((option) => (
                <Checkbox key={option.id} className="signup-form__option" value={option.id} label={option.label} />
              ))}
            </Checkbox.Group>
          )}
          {choice.kind === 'text' && (
            <Input
              className="signup-form__text"
              placeholder={`请填写${choice.label}`}
              value={(value.answers[choice.id] as string | undefined) ?? ''}
              maxLength={100}
              disabled={disabled}
              onChange={(next) => answer(choice.id, next)}
            />
          )}
          {choice.kind === 'yesno' && (
            <View className="signup-form__yesno">
              <Text className="signup-form__hint">{value.answers[choice.id] === true ? '是' : '否'}</Text>
              <Switch checked={value.answers[choice.id] === true} disabled={disabled} onChange={(next) => answer(choice.id, next)} ariaLabel={choice.label} />
            </View>
          )}
        </View>
      ))}
      {companionsMax > 0 && (
        <View className="signup-form__question signup-form__companions">
          <View className="signup-form__label">
            <Text>携带家属</Text>
            <Text className="signup-form__hint">{companionsHint ?? `每人最多 ${companionsMax} 人，计入名额`}</Text>
          </View>
          <InputNumber
            value={value.companions}
            min={0}
            max={companionsMax}
            disabled={disabled}
            onChange={(next) => onChange({ ...value, companions: Math.min(companionsMax, Math.max(0, Math.floor(Number(next) || 0))) })}
          />
        </View>
      )}
    </View>
  );
}
SignupForm.displayName = 'SignupForm';

/** An empty form: nothing answered, yes/no questions at 否, no companions. */
export const emptySignupForm = (choices: readonly Choice[]): SignupFormValue => ({
  companions: 0,
  answers: Object.fromEntries(choices.filter((c) => c.kind === 'yesno').map((c) => [c.id, false])),
});
