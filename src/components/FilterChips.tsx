import { ScrollView, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import './FilterChips.scss';

export interface FilterChipsProps {
  options: readonly string[];
  /** The chosen option, or null for 全部. */
  value: string | null;
  onChange: (value: string | null) => void;
  allLabel?: string;
}

/** A horizontal row of chips to narrow a list to one option; the first chip clears the choice. */
export function FilterChips({ options, value, onChange, allLabel = '全部' }: FilterChipsProps) {
  const chip = (label: string, chosen: string | null) => {
    const active = value === chosen;
    return (
      <Tag
        key={label}
        className={`filter-chips__chip${active ? ' filter-chips__chip--active' : ''}`}
        type={active ? 'primary' : 'default'}
        plain={!active}
        round
        onClick={() => onChange(chosen)}
      >
        {label}
      </Tag>
    );
  };
  return (
    <ScrollView className="filter-chips" scrollX enhanced showScrollbar={false}>
      <View className="filter-chips__row" role="radiogroup">
        {chip(allLabel, null)}
        {options.map((option) => chip(option, option))}
      </View>
    </ScrollView>
  );
}
FilterChips.displayName = 'FilterChips';
