import { View, Text } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { NoticeSummary } from '../../../../types/notice';
import { attachmentCountText, NOTICE_STATE_LABELS, noticeTimeText, summaryState } from '../lib/notice-view';

export interface NoticeCardProps {
  notice: NoticeSummary;
  onOpen: () => void;
}

/** One notice in the list: unread ones carry a dot and a bold title; pinned and unpublished ones a tag. */
export function NoticeCard({ notice, onOpen }: NoticeCardProps) {
  const state = summaryState(notice);
  const unread = state === 'published' && !notice.read;
  const attachments = attachmentCountText(notice.attachmentCount);
  return (
    <View className={`notice-card card${unread ? ' notice-card--unread' : ''}`} onClick={onOpen} role="button" aria-label={notice.title}>
      <View className="notice-card__head">
        {unread && <View className="notice-card__dot" aria-label="未读" />}
        <Text className={`notice-card__title${unread ? ' notice-card__title--unread' : ''}`}>{notice.title}</Text>
      </View>
      {(notice.pinned || state !== 'published') && (
        <View className="notice-card__tags">
          {notice.pinned && <Tag type="danger">置顶</Tag>}
          {state !== 'published' && (
            <Tag type={state === 'held' ? 'warning' : 'default'} plain>
              {NOTICE_STATE_LABELS[state]}
            </Tag>
          )}
        </View>
      )}
      {notice.excerpt && <Text className="notice-card__excerpt">{notice.excerpt}</Text>}
      <View className="notice-card__foot">
        <Text className="notice-card__author">{notice.authorName}</Text>
        <Text className="notice-card__time">{noticeTimeText(notice)}</Text>
        {attachments && <Text className="notice-card__files">{attachments}</Text>}
      </View>
    </View>
  );
}
NoticeCard.displayName = 'NoticeCard';
