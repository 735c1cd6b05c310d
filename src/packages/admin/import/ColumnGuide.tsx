import { View, Text } from '@tarojs/components';
import { ROSTER_COLUMNS } from '../lib/roster-import';

/** What the chair's sheet should look like: the header row's columns, the required ones marked. */
export function ColumnGuide() {
  return (
    <View className="card column-guide">
      <Text className="column-guide__title">名册格式</Text>
      <Text className="column-guide__text">
        第一行写列名，之后每行一位会员。带 * 的列必须填写，其余可以留空或不要这一列。同一工号再次导入会更新原来的记录。请不要放身份证号。
      </Text>
      <View className="column-guide__list">
        {ROSTER_COLUMNS.map((column) => (
          <View key={column.title} className="column-guide__item">
            <Text className={`column-guide__name${column.required ? ' column-guide__name--required' : ''}`}>
              {column.title}
              {column.required ? ' *' : ''}
            </Text>
            {column.hint && <Text className="column-guide__hint">{column.hint}</Text>}
          </View>
        ))}
      </View>
      <Text className="column-guide__text">一次最多导入 2000 人。</Text>
    </View>
  );
}
