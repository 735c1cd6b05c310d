import { View, Text } from '@tarojs/components';
import { Button, SearchBar } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import type { ProposalDetail } from '../../../../types/proposal';
import { InlineMessage } from '../../../components/InlineMessage';
import { call } from '../../../gateway/cloud';
import { messageOf } from '../../../lib/cloud-message';
import { filterDelegates, inviteState, type Delegate } from '../lib/detail';
import { ChoiceRow } from '../../../components/ChoiceRow';

/** The cloud takes at most this many invitations at once. */
const MAX_INVITES = 20;
const STATE_TEXT = { signed: '已附议', invited: '已邀请', declined: '曾婉拒', none: '' } as const;

export interface InvitePanelProps {
  detail: ProposalDetail;
  busy: boolean;
  /** Sends the chosen delegates' 工号, in the list's order. */
  onInvite: (memberIds: string[]) => Promise<boolean>;
  onCancel: () => void;
}

/**
 * 邀请附议: the other delegates (from `proposal.delegates`), searchable by name or group; those who
 * signed or are waiting cannot be asked twice, those who declined may be asked again.
 */
export function InvitePanel({ detail, busy, onInvite, onCancel }: InvitePanelProps) {
  const coSigners = detail.proposal.coSigners;
  const [delegates, setDelegates] = useState<Delegate[] | null>(null);
  const [loadProblem, setLoadProblem] = useState('');
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [hint, setHint] = useState('');

  const load = async () => {
    setLoadProblem('');
    try {
      setDelegates(await call('proposal.delegates', {}, { silent: true }));
    } catch (e) {
      setLoadProblem(messageOf(e, '代表名单加载失败，请稍后再试'));
    }
  };
  useEffect(() => {
    void load();
  }, []);

  const toggle = (memberId: string) => {
    setHint('');
    if (chosen.includes(memberId)) return setChosen(chosen.filter((id) => id !== memberId));
    if (chosen.length >= MAX_INVITES) return setHint(`一次最多邀请 ${MAX_INVITES} 位代表`);
    setChosen([...chosen, memberId]);
  };

  const send = async () => {
    const order = (delegates ?? []).map((d) => d.memberId);
    if (await onInvite(order.filter((id) => chosen.includes(id)))) setChosen([]);
  };

  const shown = filterDelegates(delegates ?? [], text);
  return (
    <View className="proposal-invite">
      <Text className="proposal-detail__hint">选择要邀请附议的代表。对方同意后，会列为附议人。</Text>
      {delegates === null && !loadProblem && <Text className="proposal-detail__hint">正在加载代表名单…</Text>}
      {loadProblem && (
        <View className="proposal-invite__problem">
          <InlineMessage text={loadProblem} />
          <Text className="proposal-detail__link" onClick={() => void load()}>
            重试
          </Text>
        </View>
      )}
      {delegates && delegates.length === 0 && <Text className="proposal-detail__hint">名册里还没有其他教代会代表。</Text>}
      {delegates && delegates.length > 0 && (
        <>
          <SearchBar shape="round" placeholder="搜索代表姓名或小组" value={text} onChange={setText} onClear={() => setText('')} />
          {shown.length === 0 && <Text className="proposal-detail__hint">没有找到匹配的代表。</Text>}
          <View className="proposal-invite__list">
            {shown.map((d) => {
              const state = inviteState(coSigners, d.memberId);
              const locked = state === 'signed' || state === 'invited';
              return (
                <ChoiceRow block="check-row" key={d.memberId} label={d.name} multiple checked={locked || chosen.includes(d.memberId)} disabled={locked || busy} onTap={() => toggle(d.memberId)}>
                  <View className="proposal-invite__row">
                    <Text className="proposal-detail__name">{d.name}</Text>
                    <Text className="proposal-detail__when">{d.groupName}</Text>
                    {state !== 'none' && <Text className={`proposal-detail__state proposal-detail__state--${state}`}>{STATE_TEXT[state]}</Text>}
                  </View>
                </ChoiceRow>
              );
            })}
          </View>
        </>
      )}
      <InlineMessage text={hint} tone="info" />
      <View className="proposal-detail__buttons">
        <Button size="small" fill="none" disabled={busy} onClick={onCancel}>
          取消
        </Button>
        <Button size="small" type="primary" loading={busy} disabled={busy || chosen.length === 0} onClick={send}>
          {chosen.length ? `发送邀请（${chosen.length} 人）` : '发送邀请'}
        </Button>
      </View>
    </View>
  );
}
InvitePanel.displayName = 'InvitePanel';
