import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { VoteDetail, VoteInfo } from '../../../../types/vote';
import { InlineMessage } from '../../../components/InlineMessage';
import { call } from '../../../gateway/cloud';
import { messageOf } from '../../../lib/cloud-message';
import { VOTE_PAGES } from '../../../lib/vote-routes';

export interface ManageBarProps {
  detail: VoteDetail;
  /** The vote as the cloud answered after publishing it. */
  onPublished: (vote: VoteInfo) => void;
  /** The vote is gone: tell the other pages and leave. */
  onRemoved: () => void;
}

/**
 * Organisers' tools on a vote: 编辑 and 删除 while nobody has voted, 发布 a draft, 投票情况.
 * The form and the turnout list are the organisers' subpackage; this bar only links to them.
 */
export function ManageBar({ detail, onPublished, onRemoved }: ManageBarProps) {
  const { vote, phase } = detail;
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const untouched = vote.turnout === 0;

  const publish = async () => {
    setBusy(true);
    setProblem('');
    try {
      onPublished(await call('vote.publish', { voteId: vote._id }, { silent: true }));
      void Taro.showToast({ title: '已发布', icon: 'success' });
    } catch (e) {
      setProblem(messageOf(e, '发布失败，请稍后再试'));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    const { confirm } = await Taro.showModal({ title: '删除投票', content: `删除「${vote.title}」后不能恢复。确定删除吗？`, confirmText: '删除', cancelText: '再想想' });
    if (!confirm) return;
    setBusy(true);
    setProblem('');
    try {
      await call('vote.remove', { voteId: vote._id }, { silent: true });
      void Taro.showToast({ title: '已删除', icon: 'success' });
      onRemoved();
    } catch (e) {
      setProblem(messageOf(e, '删除失败，请稍后再试'));
      setBusy(false);
    }
  };

  return (
    <>
      <View className="section-title">投票管理</View>
      <View className="card ballot__manage">
        <View className="ballot__manage-row">
          {untouched && (
            <Button size="small" fill="outline" disabled={busy} onClick={() => Taro.navigateTo({ url: VOTE_PAGES.edit(vote._id) })}>
              编辑
            </Button>
          )}
          {phase === 'draft' && (
            <Button size="small" type="primary" loading={busy} disabled={busy} onClick={publish}>
              发布
            </Button>
          )}
          {phase !== 'draft' && (
            <Button size="small" fill="outline" onClick={() => Taro.navigateTo({ url: VOTE_PAGES.turnout(vote._id) })}>
              投票情况
            </Button>
          )}
          {untouched && (
            <Button size="small" type="danger" fill="outline" disabled={busy} onClick={remove}>
              删除
            </Button>
          )}
        </View>
        {!untouched && <View className="ballot__hint">已有人投票，不能再编辑或删除。</View>}
        <InlineMessage text={problem} />
      </View>
    </>
  );
}
ManageBar.displayName = 'ManageBar';
