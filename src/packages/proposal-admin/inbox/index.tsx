import { View, Text } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { SUGGESTION_STATUS_LABELS } from '../../../../types/labels';
import { FilterChips } from '../../../components/FilterChips';
import { LoadState } from '../../../components/LoadState';
import { useAction } from '../../../hooks/useAction';
import { useProposalChanged } from '../../../lib/proposal-routes';
import { STATUS_FILTER_LABELS, statusOfLabel } from '../../suggestion/lib/format';
import { InboxItem } from './InboxItem';
import '../fields.scss';
import './index.scss';

/** 意见箱 (chair and committee): every suggestion, newest first, narrowed by status; reply, and (chair) 公开. */
export default function InboxPage() {
  const [filter, setFilter] = useState<string | null>(null);
  const status = statusOfLabel(filter);
  const inbox = useAction('suggestion.inbox', status ? { status } : {});
  // Who is looking: only the chair may make a reply public.
  const me = useAction('me.get', {});
  const isChair = me.data?.bound === true && me.data.member.roles.includes('chair');
  const list = inbox.data ?? [];

  useProposalChanged(() => void inbox.reload());
  usePullDownRefresh(() => {
    void inbox.reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className="page">
      <Text className="admin__intro">会员提交的意见建议都在这里，匿名的不显示提交人。每一条都请答复：提交人能随时看到进度。</Text>
      <FilterChips options={STATUS_FILTER_LABELS} value={filter} onChange={setFilter} />
      <LoadState
        loading={inbox.loading && !inbox.data}
        error={inbox.error}
        onRetry={inbox.reload}
        empty={list.length === 0}
        emptyText={status ? `没有「${SUGGESTION_STATUS_LABELS[status]}」的建议` : '还没有收到建议'}
      >
        {list.map((s) => (
          <InboxItem key={s._id} suggestion={s} isChair={isChair} />
        ))}
      </LoadState>
    </View>
  );
}
