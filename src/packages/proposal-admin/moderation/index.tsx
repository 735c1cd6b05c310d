import { View, Text } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { HeldItem } from '../../../../types/suggestion';
import { InlineMessage } from '../../../components/InlineMessage';
import { LoadState } from '../../../components/LoadState';
import { TextInputDialog } from '../../../components/TextInputDialog';
import { call } from '../../../gateway/cloud';
import { useAction } from '../../../hooks/useAction';
import { messageOf } from '../../../lib/cloud-message';
import { notifyProposalChanged, useProposalChanged } from '../../../lib/proposal-routes';
import { formatDate, formatDateTime } from '../../../lib/time';
import { MODERATION_KIND_LABELS } from '../lib/report';
import '../fields.scss';

const keyOf = (item: HeldItem) => `${item.kind}:${item.id}`;
/** An anonymous suggestion keeps only its day: a time of 00:00 would mislead. */
const atText = (item: HeldItem) => (item.kind === 'suggestion' && item.authorName === '匿名' ? formatDate(item.at) : formatDateTime(item.at));

/**
 * 待审核内容 (chair): texts sent while WeChat's content check could not run. 通过 lets each go on
 * as if it had passed; 不通过 closes it, and its author sees the reason.
 */
export default function ModerationPage() {
  const state = useAction('moderation.list', {});
  const [busy, setBusy] = useState('');
  const [refusing, setRefusing] = useState<HeldItem | null>(null);
  const [problem, setProblem] = useState('');
  const [done, setDone] = useState('');
  const list = state.data ?? [];

  useProposalChanged(() => void state.reload());
  usePullDownRefresh(() => {
    void state.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const release = async (item: HeldItem) => {
    setBusy(keyOf(item));
    setProblem('');
    setDone('');
    try {
      await call('moderation.release', { kind: item.kind, id: item.id }, { silent: true });
      void Taro.showToast({ title: '已通过', icon: 'success' });
      setDone(`「${item.title}」已通过审核。`);
      notifyProposalChanged();
    } catch (e) {
      // NOT_HELD: someone else decided already.
      setProblem(messageOf(e, '操作失败，请稍后再试'));
      void state.reload();
    } finally {
      setBusy('');
    }
  };

  /** Resolves with the server's objection (the dialog stays open), or nothing when refused. */
  const refuse = async (reason: string): Promise<string | undefined> => {
    if (!refusing) return undefined;
    setProblem('');
    setDone('');
    try {
      await call('moderation.refuse', { kind: refusing.kind, id: refusing.id, reason }, { silent: true });
    } catch (e) {
      return messageOf(e, '操作失败，请稍后再试');
    }
    void Taro.showToast({ title: '已标记不通过', icon: 'success' });
    setDone(`「${refusing.title}」未通过审核，提交人会看到你写的原因。`);
    notifyProposalChanged();
    return undefined;
  };

  return (
    <View className="page">
      <Text className="admin__intro">微信内容安全检查暂时不可用时，提交的提案、建议和答复会先放在这里，请你看过后决定。通过后照常流转；不通过时，提交人会看到你写的原因。</Text>
      <InlineMessage text={problem} />
      <InlineMessage text={done} tone="success" />
      <LoadState loading={state.loading && !state.data} error={state.error} onRetry={state.reload} empty={list.length === 0} emptyText="没有待审核的内容">
        {list.map((item) => (
          <View key={keyOf(item)} className="card admin__card" aria-label={item.title}>
            <View className="admin__head">
              <Text className="admin__title">{item.title}</Text>
              <Tag type="warning" plain>
                {MODERATION_KIND_LABELS[item.kind]}
              </Tag>
            </View>
            <Text className="admin__muted">
              {item.authorName} · {atText(item)}
            </Text>
            <Text className="admin__text">{item.text}</Text>
            <View className="admin__actions">
              <Button size="small" type="primary" loading={busy === keyOf(item)} disabled={busy !== ''} onClick={() => void release(item)}>
                通过
              </Button>
              <Button size="small" type="danger" fill="outline" disabled={busy !== ''} onClick={() => setRefusing(item)}>
                不通过
              </Button>
            </View>
          </View>
        ))}
      </LoadState>

      <TextInputDialog
        visible={refusing !== null}
        title="不通过的原因"
        placeholder="原因，例如 含有与工会工作无关的广告"
        confirmText="不通过"
        maxLength={200}
        emptyMessage="请写上不通过的原因，提交人会看到"
        onSubmit={refuse}
        onClose={() => setRefusing(null)}
      />
    </View>
  );
}
