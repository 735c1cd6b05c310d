import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Tag } from '@nutui/nutui-react-taro';
import type { CongressSession } from '../../../../types/proposal';
import type { CloudCallError } from '../../../gateway/cloud';
import { PROPOSAL_PAGES, SUGGESTION_PAGES } from '../../../lib/proposal-routes';
import { windowOpen, windowStateText, windowText } from '../lib/list';

export const NOT_DELEGATE_TEXT = '提案由教代会代表提出；你可以通过意见箱提出建议';

export interface SessionHeaderProps {
  session: CongressSession | null;
  /** Still loading the sessions. */
  loading: boolean;
  error?: CloudCallError;
  onRetry: () => void;
  /** null until the first list answer says who the viewer is. */
  isDelegate: boolean | null;
  now: number;
}

/**
 * The current session and its window (征集时间); 起草提案 for delegates while it is open; for
 * everyone else, where their ideas can go instead: the suggestion box.
 */
export function SessionHeader({ session, loading, error, onRetry, isDelegate, now }: SessionHeaderProps) {
  const open = session ? windowOpen(session, now) : false;
  return (
    <View className="card proposal-list__head">
      {loading && !session && !error && <Text className="proposal-list__hint">正在加载会议信息…</Text>}
      {error && (
        <View className="proposal-list__row">
          <Text className="proposal-list__hint">会议信息加载失败：{error.message}</Text>
          <Text className="proposal-list__link" onClick={onRetry}>
            重试
          </Text>
        </View>
      )}
      {!loading && !error && !session && <Text className="proposal-list__hint">还没有设置教代会会议，征集提案时会在这里通知。</Text>}
      {session && (
        <>
          <View className="proposal-list__row">
            <Text className="proposal-list__session">{session.name}</Text>
            <Tag type={open ? 'success' : 'default'}>{windowStateText(session, now)}</Tag>
          </View>
          <Text className="proposal-list__hint">{windowText(session)}</Text>
        </>
      )}
      {isDelegate === true && session && open && (
        <Button type="primary" block onClick={() => void Taro.navigateTo({ url: PROPOSAL_PAGES.create(session._id) })}>
          起草提案
        </Button>
      )}
      {isDelegate === true && session && !open && <Text className="proposal-list__hint">现在不在提案征集时间内，征集开始后可以起草提案。</Text>}
      {isDelegate === false && (
        <View className="proposal-list__suggest">
          <Text className="proposal-list__hint">{NOT_DELEGATE_TEXT}</Text>
          <Button size="small" fill="outline" type="primary" onClick={() => void Taro.navigateTo({ url: SUGGESTION_PAGES.send })}>
            去意见箱
          </Button>
        </View>
      )}
    </View>
  );
}
SessionHeader.displayName = 'SessionHeader';
