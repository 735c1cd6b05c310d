import { View, Text } from '@tarojs/components';
import { Button, Empty, Skeleton } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';
import type { CloudCallError } from '../gateway/cloud';
import './LoadState.scss';

export interface LoadStateProps {
  loading: boolean;
  error?: CloudCallError;
  /** True when loaded but there is nothing to show. */
  empty?: boolean;
  emptyText?: string;
  emptyAction?: ReactNode;
  onRetry: () => void;
  children?: ReactNode;
}

/** Loading, error and empty states for any screen or list, the same everywhere. */
export function LoadState({ loading, error, empty, emptyText = '这里还没有内容', emptyAction, onRetry, children }: LoadStateProps) {
  if (loading && !error) {
    return (
      <View className="load-state">
        <Skeleton rows={3} animated />
        <Text className="load-state__hint">正在加载…</Text>
      </View>
    );
  }
  if (error) {
    return (
      <View className="load-state load-state--error">
        <Empty status="error" title="加载失败" description={error.message} />
        <Button type="primary" size="small" onClick={onRetry}>
          重试
        </Button>
      </View>
    );
  }
  if (empty) {
    return (
      <View className="load-state load-state--empty">
        <Empty status="empty" title={emptyText} />
        {emptyAction}
      </View>
    );
  }
  return <>{children}</>;
}
