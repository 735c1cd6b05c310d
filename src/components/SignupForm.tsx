import { Checkbox, CheckboxGroup, Label, Switch, Text, View } from '@tarojs/components';
import { Input, InputNumber, Radio } from '@nutui/nutui-react-taro';
import type { Answers, Choice } from '../../types/activity';
import { ownValue } from '../../types/own-keys';
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

type MultiChoiceQuestion = Extract<Choice, { kind: 'multi' }>;

/** Checkboxes; once `max` are ticked the others are greyed out, so the limit is felt, not just told. */
function MultiChoice({ choice, value, disabled, onChange }: { choice: MultiChoiceQuestion; value: string[]; disabled: boolean; onChange: (ids: string[]) => void }) {
  const full = value.length >= choice.max;
  return (
    <CheckboxGroup onChange={(e) => onChange(choice.options.map((o) => o.id).filter((id) => (e.detail.value as string[]).includes(id)).slice(0, choice.max))}>
      {choice.options.map((option) => (
        <Label key={option.id} className="signup-form__option signup-form__check">
          <Checkbox value={option.id} color="#b3261e" checked={value.includes(option.id)} disabled={disabled || (full && !value.includes(option.id))} />
          <Text>{option.label}</Text>
        </Label>
      ))}
    </CheckboxGroup>
  );
}

/**
 * The per-person questions of an activity and the companions stepper, as one controlled form.
 * Multiple choice and yes/no use the platform's own checkbox and switch: they weigh nothing in the
 * main package, where this form lives.
 */
export function SignupForm({ choices, companionsMax, value, onChange, disabled = false, companionsHint }: SignupFormProps) {
  const answer = (id: string, next: Answers[string]) => onChange({ ...value, answers: { ...value.answers, [id]: next } });
  const given = (id: string) => ownValue(value.answers, id);

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
            <Radio.Group value={(given(choice.id) as string | undefined) ?? ''} disabled={disabled} onChange={(next) => answer(choice.id, String(next))}>
              {choice.options.map((option) => (
                <Radio key={option.id} className="signup-form__option" value={option.id}>
                  {option.label}
                </Radio>
              ))}
            </Radio.Group>
          )}
          {choice.kind === 'multi' && (
            <MultiChoice choice={choice} value={(given(choice.id) as string[] | undefined) ?? []} disabled={disabled} onChange={(next) => answer(choice.id, next)} />
          )}
          {choice.kind === 'text' && (
            <Input
              className="signup-form__text"
              placeholder={`请填写${choice.label}`}
              value={(given(choice.id) as string | undefined) ?? ''}
              maxLength={100}
              disabled={disabled}
              onChange={(next) => answer(choice.id, next)}
            />
          )}
          {choice.kind === 'yesno' && (
            <View className="signup-form__yesno">
              <Text className="signup-form__hint">{given(choice.id) === true ? '是' : '否'}</Text>
              <Switch
                className="signup-form__switch"
                color="#b3261e"
                checked={given(choice.id) === true}
                disabled={disabled}
                aria-label={choice.label}
                onChange={(e) => answer(choice.id, e.detail.value)}
              />
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
