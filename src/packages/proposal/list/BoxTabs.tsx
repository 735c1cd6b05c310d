import { View } from '@tarojs/components';
import { BOX_LABELS, type Box } from '../lib/list';

export interface BoxTabsProps {
  boxes: Box[];
  value: Box;
  onChange: (box: Box) => void;
}

/** The boxes a person has, as tabs; nothing is drawn when there is only one. */
export function BoxTabs({ boxes, value, onChange }: BoxTabsProps) {
  if (boxes.length < 2) return null;
  return (
    <View className="proposal-tabs" role="tablist">
      {boxes.map((box) => (
        <View
          key={box}
          className={`proposal-tabs__tab${box === value ? ' proposal-tabs__tab--active' : ''}`}
          role="tab"
          aria-selected={box === value}
          onClick={() => {
            if (box !== value) onChange(box);
          }}
        >
          {BOX_LABELS[box]}
        </View>
      ))}
    </View>
  );
}
BoxTabs.displayName = 'BoxTabs';
