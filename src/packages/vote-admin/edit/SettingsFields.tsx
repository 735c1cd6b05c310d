import { View, Text } from '@tarojs/components';
import { Radio, Switch } from '@nutui/nutui-react-taro';
import { RESULT_VISIBILITIES, RESULT_VISIBILITY_LABELS } from '../../../../types/labels';
import type { ResultVisibility, VoteForm } from '../lib/vote-draft-form';

type SettingsForm = Pick<VoteForm, 'secret' | 'resultVisibility' | 'allowChange'>;

export interface SettingsFieldsProps {
  value: SettingsForm;
  onSecret: (secret: boolean) => void;
  onChange: (patch: Partial<SettingsForm>) => void;
}

/** 无记名, when results are shown, and 改票: what a secret vote rules out is shown disabled, with why. */
export function SettingsFields({ value, onSecret, onChange }: SettingsFieldsProps) {
  return (
    <>
      <View className="edit__row">
        <Text className="edit__label">无记名投票</Text>
        <Switch checked={value.secret} onChange={onSecret} ariaLabel="无记名投票" />
      </View>
      <Text className="edit__hint">
        {value.secret ? '无记名：系统只记录谁投了票，不记录投给谁。' : '记名：组织者可以看到每个人的选择，导出结果时也会包含。'}
      </Text>

      <Text className="edit__label">结果公布</Text>
      <Radio.Group value={value.resultVisibility} onChange={(next) => onChange({ resultVisibility: next as ResultVisibility })}>
        {RESULT_VISIBILITIES.map((visibility) => (
          <Radio key={visibility} value={visibility} disabled={value.secret && visibility === 'live'}>
            {RESULT_VISIBILITY_LABELS[visibility]}
          </Radio>
        ))}
      </Radio.Group>
      {value.secret && <Text className="edit__hint">无记名投票不能实时公布结果：边投边看票数变化，就能推算出某个人投给了谁。</Text>}

      {!value.secret && (
        <>
          <View className="edit__row">
            <Text className="edit__label">允许改票</Text>
            <Switch checked={value.allowChange} onChange={(allowChange) => onChange({ allowChange })} ariaLabel="允许改票" />
          </View>
          <Text className="edit__hint">{value.allowChange ? '截止前，投过票的人可以修改自己的选择。' : '每人只能投一次，投后不能修改。'}</Text>
        </>
      )}
    </>
  );
}
