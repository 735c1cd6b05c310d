import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Switch, Tag, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { SuggestionView } from '../../../../types/suggestion';
import { InlineMessage } from '../../../components/InlineMessage';
import { call } from '../../../gateway/cloud';
import { messageOf } from '../../../lib/cloud-message';
import { notifyProposalChanged, PROPOSAL_PAGES } from '../../../lib/proposal-routes';
import { ReplyBlock } from '../../suggestion/components/ReplyBlock';
import { StatusTag } from '../../suggestion/components/StatusTag';
import { MIN_REPLY, senderText, sentAtText } from '../../suggestion/lib/format';

export interface InboxItemProps {
  suggestion: SuggestionView;
  /** Only the chair decides whether a reply is shown to all members. */
  isChair: boolean;
}

const REPLY_PLACEHOLDER = '写下答复，提交建议的老师会看到';

/** One suggestion in the inbox: what was sent, by whom (or 匿名), the reply, and the tools for it. */
export function InboxItem({ suggestion: s, isChair }: InboxItemProps) {
  const [replying, setReplying] = useState(false);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState<'' | 'reply' | 'public'>('');
  const [problem, setProblem] = useState('');
  const [done, setDone] = useState<{ text: string; tone: 'success' | 'info' } | null>(null);
  const canReply = s.status === 'received' || s.status === 'replied';

  const startReply = () => {
    setText(s.reply?.text ?? '');
    setProblem('');
    setDone(null);
    setReplying(true);
  };

  const sendReply = async () => {
    const reply = text.trim();
    if (reply.length < MIN_REPLY) return setProblem(reply ? `答复至少写 ${MIN_REPLY} 个字` : '请先写下答复');
    setBusy('reply');
    setProblem('');
    try {
      const answered = await call('suggestion.reply', { suggestionId: s._id, text: reply }, { silent: true });
      setReplying(false);
      if (answered.status === 'replied' && answered.reply?.text === reply) {
        setDone({ text: '已答复，提交人可以看到了。', tone: 'success' });
        void Taro.showToast({ title: '已答复', icon: 'success' });
      } else {
        // The content check could not run: the reply waits for the chair.
        setDone({ text: '答复已提交。内容安全检查暂时不可用，工会主席审核通过后，提交人才能看到。', tone: 'info' });
        void Taro.showToast({ title: '已提交，待审核', icon: 'none' });
      }
      notifyProposalChanged();
    } catch (e) {
      setProblem(messageOf(e, '答复失败，请稍后再试'));
    } finally {
      setBusy('');
    }
  };

  const setPublic = async (shown: boolean) => {
    setBusy('public');
    setProblem('');
    setDone(null);
    try {
      await call('suggestion.setPublic', { suggestionId: s._id, public: shown }, { silent: true });
      setDone({ text: shown ? '已公开：全体会员可以在「公开答复」里看到这条建议和答复。' : '已取消公开。', tone: 'success' });
      void Taro.showToast({ title: shown ? '已公开答复' : '已取消公开', icon: 'success' });
      notifyProposalChanged();
    } catch (e) {
      setProblem(messageOf(e, '操作失败，请稍后再试'));
    } finally {
      setBusy('');
    }
  };

  return (
    <View className="card admin__card" aria-label={s.title}>
      <View className="admin__head">
        <Text className="admin__title">{s.title}</Text>
        <StatusTag status={s.status} />
      </View>
      <View className="inbox__meta">
        {s.anonymous ? (
          <Tag type="default" plain>
            匿名
          </Tag>
        ) : (
          <Text className="admin__line">{senderText(s)}</Text>
        )}
        <Text className="admin__muted">{sentAtText(s)}</Text>
        {s.fromProposalId && <Text className="admin__muted">由提案转来</Text>}
      </View>
      <Text className="admin__text">{s.body}</Text>

      {s.reply && <ReplyBlock reply={s.reply} />}
      {s.status === 'held' && (
        <Text className="admin__muted">
          内容安全检查暂时不可用，需要工会主席审核通过后才能答复。
          {isChair && (
            <Text className="edit__link" onClick={() => void Taro.navigateTo({ url: PROPOSAL_PAGES.moderation })}>
              {' '}去审核 ›
            </Text>
          )}
        </Text>
      )}
      {s.status === 'refused' && <Text className="admin__muted">未通过审核{s.refusedReason ? `：${s.refusedReason}` : ''}。</Text>}

      {canReply && replying && (
        <View className="inbox__reply">
          <TextArea placeholder={REPLY_PLACEHOLDER} value={text} maxLength={2000} autoSize showCount onChange={setText} />
          <View className="admin__buttons">
            <Button size="small" type="primary" loading={busy === 'reply'} disabled={busy !== ''} onClick={sendReply}>
              发送答复
            </Button>
            <Button size="small" fill="none" disabled={busy !== ''} onClick={() => { setReplying(false); setProblem(''); }}>
              取消
            </Button>
          </View>
        </View>
      )}

      {s.status === 'replied' && (
        isChair ? (
          <>
            <View className="edit__row">
              <Text className="edit__label">公开答复</Text>
              <Switch checked={s.public} disabled={busy !== ''} onChange={(shown) => void setPublic(shown)} ariaLabel="公开答复" />
            </View>
            <Text className="admin__muted">公开后，全体会员都能在「公开答复」里看到这条建议和答复，不显示提交人。</Text>
          </>
        ) : (
          <Text className="admin__muted">{s.public ? '主席已公开这条答复。' : '答复只有提交人能看到；是否公开由工会主席决定。'}</Text>
        )
      )}

      <InlineMessage text={problem} />
      {done && <InlineMessage text={done.text} tone={done.tone} />}
      {canReply && !replying && (
        <View className="admin__actions">
          <Button size="small" fill="outline" disabled={busy !== ''} onClick={startReply}>
            {s.reply ? '修改答复' : '答复'}
          </Button>
        </View>
      )}
    </View>
  );
}
InboxItem.displayName = 'InboxItem';
