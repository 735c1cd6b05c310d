import { View, Text } from '@tarojs/components';
import type { ReactNode } from 'react';

export interface ListEditorProps<T extends { id: string }> {
  items: T[];
  /** 候选人, 评议对象, 选项: heads each item as 「候选人 2」. */
  noun: string;
  /** Fewer items than this cannot be removed. */
  min: number;
  max: number;
  addText: string;
  update: (change: (items: T[]) => T[]) => void;
  create: (takenIds: string[]) => T;
  /** The fields of one item; `index` counts from 0. */
  children: (item: T, index: number, patch: (patch: Partial<T>) => void) => ReactNode;
}

/** A list an organiser builds one entry at a time: candidates, people appraised, poll options. */
export function ListEditor<T extends { id: string }>({ items, noun, min, max, addText, update, create, children }: ListEditorProps<T>) {
  const patchOf = (id: string) => (patch: Partial<T>) => update((list) => list.map((item) => (item.id === id ? { ...item, ...patch } : item)));
  return (
    <View className="vote-edit__list">
      {items.map((item, index) => (
        <View key={item.id} className="vote-edit__item" aria-label={`${noun} ${index + 1}`}>
          <View className="vote-edit__item-head">
            <Text className="vote-edit__item-title">
              {noun} {index + 1}
            </Text>
            {items.length > min && (
              <Text className="edit__link edit__link--danger" onClick={() => update((list) => list.filter((x) => x.id !== item.id))}>
                删除
              </Text>
            )}
          </View>
          {children(item, index, patchOf(item.id))}
        </View>
      ))}
      {items.length < max ? (
        <Text className="edit__link" onClick={() => update((list) => [...list, create(list.map((x) => x.id))])}>
          {addText}
        </Text>
      ) : (
        <Text className="edit__hint">
          最多 {max} 个{noun}。
        </Text>
      )}
    </View>
  );
}
