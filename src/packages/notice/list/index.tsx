import { View, Text } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button, Switch } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { LoadState } from '../../../components/LoadState';
import { useAction } from '../../../hooks/useAction';
import { NOTICE_PAGES, useMonthChanged } from '../../../lib/month-routes';
import { splitNotices } from '../lib/notice-view';
import { NoticeCard } from './NoticeCard';
import './index.scss';

/**
 * 通知公告: the notices meant for the member, pinned first, unread marked. Organisers can write one
 * and, with a switch, also see their drafts, held and scheduled ones.
 */
export default function NoticeListPage() {
  const [showAll, setShowAll] = useState(false);
  const list = useAction('notice.list', { scope: showAll ? 'all' : 'mine' });
  const data = list.data;
  const canManage = data?.canManage ?? false;
  const { pending, published } = splitNotices(data?.notices ?? []);
  const open = (id: string) => void Taro.navigateTo({ url: NOTICE_PAGES.detail(id) });

  // A notice was read, written, published or removed on another page.
  useMonthChanged(() => void list.reload());
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className="page notice-list">
      {canManage && (
        <View className="card notice-list__manage">
          <Button type="primary" fill="outline" block onClick={() => void Taro.navigateTo({ url: NOTICE_PAGES.create })}>
            发布通知
          </Button>
          <View className="notice-list__switch">
            <Text className="notice-list__switch-label">显示草稿、待审核和定时发布的通知</Text>
            <Switch checked={showAll} onChange={setShowAll} ariaLabel="显示未发布的通知" />
          </View>
        </View>
      )}
      {data && data.unread > 0 && <Text className="notice-list__unread">未读 {data.unread} 条</Text>}
      <LoadState
        loading={list.loading && !data}
        error={list.error}
        onRetry={list.reload}
        empty={pending.length + published.length === 0}
        emptyText="暂无通知"
      >
        {pending.length > 0 && (
          <>
            <View className="section-title">未发布（只有组织者能看到）</View>
            {pending.map((notice) => (
              <NoticeCard key={notice._id} notice={notice} onOpen={() => open(notice._id)} />
            ))}
            {published.length > 0 && <View className="section-title">已发布</View>}
          </>
        )}
        {published.map((notice) => (
          <NoticeCard key={notice._id} notice={notice} onOpen={() => open(notice._id)} />
        ))}
      </LoadState>
    </View>
  );
}
