import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { useEffect, useRef, useState } from 'react';
import type { Notice } from '../../../../types/notice';
import { InlineMessage } from '../../../components/InlineMessage';
import { LoadState } from '../../../components/LoadState';
import { call } from '../../../gateway/cloud';
import { useAction } from '../../../hooks/useAction';
import { NOTICE_PAGES, notifyMonthChanged, useMonthChanged } from '../../../lib/month-routes';
import { formatDateTime } from '../../../lib/time';
import { HELD_TEXT, NOTICE_STATE_LABELS, noticeState } from '../lib/notice-view';
import { AttachmentList } from './AttachmentList';
import { ManageBar } from './ManageBar';
import './index.scss';

/** When the notice came out, or where it stands for its authors. */
function timeLine(notice: Notice): string {
  const state = noticeState(notice);
  if (state === 'published') return formatDateTime(notice.visibleAt ?? notice.updatedAt);
  if (state === 'scheduled') return `将于 ${formatDateTime(notice.visibleAt ?? 0)} 发布`;
  return `最后修改 ${formatDateTime(notice.updatedAt)}`;
}

/** A group leader (not an organiser) may see how their group has read a notice: asked only for them. */
function useGroupLeader(ask: boolean): boolean {
  const [leader, setLeader] = useState(false);
  useEffect(() => {
    if (!ask) return undefined;
    let live = true;
    call('me.get', {}, { silent: true })
      .then((me) => live && setLeader(me.bound && me.member.roles.includes('groupLeader')))
      .catch(() => undefined); // without the link, the notice still reads fine
    return () => {
      live = false;
    };
  }, [ask]);
  return leader;
}

/** One notice: title, author, time, body and attachments. Opening it marks it read (the cloud does). */
export default function NoticeDetailPage() {
  const noticeId = decodeURIComponent(useRouter()?.params?.id ?? '');
  const detail = useAction('notice.get', { noticeId });
  const data = detail.data;
  const notice = data?.notice;
  const state = notice ? noticeState(notice) : 'draft';
  const groupLeader = useGroupLeader(Boolean(data && !data.canManage && state === 'published'));
  // Set while this page announces its own change: it already holds the new notice, or it is gone.
  const quiet = useRef(false);
  const announced = useRef('');

  /** Tells the other pages (the list, the home page) without reloading this one. */
  const announce = () => {
    quiet.current = true;
    try {
      notifyMonthChanged();
    } finally {
      quiet.current = false;
    }
  };

  // Edited on the form page: show the new text.
  useMonthChanged(() => {
    if (!quiet.current) void detail.reload();
  });

  // Now read: the list and the home page update their unread marks.
  useEffect(() => {
    if (data?.read && announced.current !== data.notice._id) {
      announced.current = data.notice._id;
      announce();
    }
  }, [data]);

  return (
    <View className="page notice-detail">
      <LoadState loading={detail.loading && !data} error={detail.error} onRetry={detail.reload}>
        {data && notice && (
          <>
            <View className="card notice-detail__head">
              <Text className="notice-detail__title">{notice.title}</Text>
              {(notice.pinned || state !== 'published') && (
                <View className="notice-detail__tags">
                  {notice.pinned && <Tag type="danger">置顶</Tag>}
                  {state !== 'published' && (
                    <Tag type={state === 'held' ? 'warning' : 'default'} plain>
                      {NOTICE_STATE_LABELS[state]}
                    </Tag>
                  )}
                </View>
              )}
              <View className="notice-detail__meta">
                <Text>{notice.authorName}</Text>
                <Text>{timeLine(notice)}</Text>
              </View>
              {state === 'held' && <InlineMessage tone="info" text={`${HELD_TEXT}。`} />}
              {state === 'draft' && notice.refusedReason && <InlineMessage text={`工会主席退回了这条通知：${notice.refusedReason}。修改后可以再发布。`} />}
              <Text className="notice-detail__body">{notice.body}</Text>
            </View>

            {notice.attachments.length > 0 && (
              <>
                <View className="section-title">附件（{notice.attachments.length}）</View>
                <AttachmentList attachments={notice.attachments} urls={data.attachmentUrls} />
              </>
            )}

            {data.canManage && (
              <ManageBar
                notice={notice}
                onPublished={(published) => {
                  detail.setData({ ...data, notice: published });
                  announce();
                }}
                onRemoved={() => {
                  announce();
                  void Taro.navigateBack().catch(() => Taro.redirectTo({ url: NOTICE_PAGES.list }));
                }}
              />
            )}
            {groupLeader && (
              <Button className="notice-detail__group" fill="outline" block onClick={() => void Taro.navigateTo({ url: NOTICE_PAGES.readers(notice._id) })}>
                本组阅读情况
              </Button>
            )}
          </>
        )}
      </LoadState>
    </View>
  );
}
