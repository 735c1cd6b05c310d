import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Input, Switch, TextArea } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import { ERROR_MESSAGES } from '../../../../types/errors';
import { SUGGESTIONS_PER_DAY, type SuggestionView } from '../../../../types/suggestion';
import { InlineMessage } from '../../../components/InlineMessage';
import { call, CloudCallError, randomToken } from '../../../gateway/cloud';
import { messageOf } from '../../../lib/cloud-message';
import { notifyProposalChanged, SUGGESTION_PAGES } from '../../../lib/proposal-routes';
import { StatusTag } from '../components/StatusTag';
import { deviceTickets, deviceTokens } from '../lib/device-tokens';
import { statusNote, suggestionDraftOf } from '../lib/format';
import '../components/suggestion.scss';

const TITLE_PLACEHOLDER = '标题，例如 建议食堂增加晚餐窗口';
const BODY_PLACEHOLDER = '写下你的建议：遇到了什么问题，希望怎样改进';
const ANONYMOUS_EXPLANATION = '匿名：记录里不保存你的姓名和工号，只有这台手机能查看它的进度';

/** What a refusal tells the sender; the daily limit is said kindly, as information rather than an error. */
function refusalOf(e: unknown): { text: string; tone: 'error' | 'info' } {
  if (e instanceof CloudCallError && e.code === 'SUGGESTION_DAILY_LIMIT') {
    return { text: `${e.message}。写好的内容可以先复制保存，明天再提交；着急的事也可以直接找工会的老师。`, tone: 'info' };
  }
  return { text: messageOf(e, '提交失败，请稍后再试'), tone: 'error' };
}

/**
 * Asks the cloud for today's send tickets (granted once a day; asking again changes nothing).
 * Done when the page opens, never as part of sending: a grant is not tied to any one send.
 */
async function refreshTickets(): Promise<boolean> {
  try {
    const asked = await deviceTickets.toAsk(() => Promise.all(Array.from({ length: SUGGESTIONS_PER_DAY }, () => randomToken())));
    deviceTickets.answered(asked, await call('suggestion.tickets', { tickets: asked }, { silent: true }));
    return true;
  } catch {
    return false;
  }
}

/** Said when this phone holds no ticket: the day's are spent, or they could not be fetched yet. */
function noTicketProblem(fetched: boolean): { text: string; tone: 'error' | 'info' } {
  if (!fetched) return { text: '还没能准备好提交，请检查网络后再点一次提交。', tone: 'error' };
  return refusalOf(new CloudCallError('SUGGESTION_DAILY_LIMIT', ERROR_MESSAGES.SUGGESTION_DAILY_LIMIT));
}

/** After sending: the form is gone (a second tap cannot send twice); what happens next, and where to follow it. */
function Sent({ suggestion, onAnother }: { suggestion: SuggestionView; onAnother: () => void }) {
  const note = statusNote(suggestion);
  return (
    <View className="card suggestion__card">
      <Text className="suggestion__title">建议已提交</Text>
      <View className="suggestion__meta">
        <Text>「{suggestion.title}」</Text>
        <StatusTag status={suggestion.status} />
      </View>
      {note && <Text className="suggestion__hint">{note}</Text>}
      {suggestion.anonymous && <Text className="suggestion__hint">这是一条匿名建议：只有这台手机能在「我的建议」里查看它的进度。</Text>}
      <Button type="primary" block onClick={() => void Taro.redirectTo({ url: SUGGESTION_PAGES.detail(suggestion._id) })}>
        查看进度
      </Button>
      <Button fill="outline" block onClick={onAnother}>
        再写一条
      </Button>
    </View>
  );
}

/** 写建议 (意见箱 / 合理化建议): open to every member, named or anonymous; always answered with a status. */
export default function SendSuggestionPage() {
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<{ text: string; tone: 'error' | 'info' } | null>(null);
  const [sent, setSent] = useState<SuggestionView | null>(null);
  const [fetched, setFetched] = useState(false);

  useEffect(() => {
    void refreshTickets().then(setFetched);
  }, []);

  const send = async () => {
    const checked = suggestionDraftOf({ title, body, anonymous });
    if (!checked.ok) return setProblem({ text: checked.problem, tone: 'error' });
    const ticket = deviceTickets.take();
    if (!ticket) {
      setProblem(noTicketProblem(fetched));
      // Fetched again for the next tap (the network may be back), not for this one.
      if (!fetched) void refreshTickets().then(setFetched);
      return;
    }
    setSending(true);
    setProblem(null);
    let token: string | undefined;
    let spent = false;
    try {
      if (checked.draft.anonymous) {
        token = await randomToken();
        // Kept before sending: if the answer is lost on the way, the suggestion can still be found.
        if (!deviceTokens.keep(token)) {
          setProblem({ text: '这台手机没能保存匿名凭据（存储空间可能满了），暂时不能匿名提交。可以清理微信存储后再试，或关闭「匿名」。', tone: 'error' });
          return;
        }
      }
      const suggestion = await call('suggestion.send', { ...checked.draft, ...(token ? { token } : {}), ticket }, { silent: true });
      spent = true;
      if (token) deviceTokens.link(token, suggestion._id);
      notifyProposalChanged();
      void Taro.showToast({ title: suggestion.status === 'held' ? '已提交，待审核' : '已提交', icon: 'success' });
      setSent(suggestion);
    } catch (e) {
      const code = e instanceof CloudCallError ? e.code : 'NETWORK';
      // Refused outright: nothing was stored with this token, so the phone need not keep it.
      if (token && code !== 'NETWORK') deviceTokens.forget(token);
      if (code === 'SUGGESTION_TICKET_INVALID') {
        // Spent already, or of an earlier day: dropped, and today's asked for, for the next tap.
        spent = true;
        void refreshTickets().then(setFetched);
      }
      setProblem(refusalOf(e));
    } finally {
      // A ticket the cloud did not spend goes back (if it was spent after all, the cloud says so next time).
      if (!spent) deviceTickets.giveBack(ticket);
      setSending(false);
    }
  };

  const another = () => {
    setSent(null);
    setTitle('');
    setBody('');
    setProblem(null);
  };

  if (sent) {
    return (
      <View className="page suggestion">
        <Sent suggestion={sent} onAnother={another} />
        <Text className="suggestion__link" onClick={() => void Taro.redirectTo({ url: SUGGESTION_PAGES.mine })}>
          我的建议 ›
        </Text>
      </View>
    );
  }

  return (
    <View className="page suggestion">
      <Text className="suggestion__intro">
        对学校和工会工作有什么想法，都可以写在这里。工会收到后会答复你，你可以在「我的建议」里看到进度和答复。
      </Text>
      <View className="card suggestion__card">
        <Input placeholder={TITLE_PLACEHOLDER} value={title} maxLength={40} onChange={setTitle} />
        <TextArea placeholder={BODY_PLACEHOLDER} value={body} maxLength={2000} autoSize showCount onChange={setBody} />
        <View className="suggestion__row">
          <Text className="suggestion__label">匿名</Text>
          <Switch checked={anonymous} onChange={setAnonymous} ariaLabel="匿名" />
        </View>
        <Text className="suggestion__hint">{ANONYMOUS_EXPLANATION}</Text>
        {anonymous ? (
          <Text className="suggestion__hint">换手机或清除微信数据后，就不能再查看这条建议的进度了。</Text>
        ) : (
          <Text className="suggestion__hint">署名提交：工会能看到你的姓名，需要时可以找你进一步了解情况。</Text>
        )}
      </View>
      {problem && <InlineMessage text={problem.text} tone={problem.tone} />}
      <View className="suggestion__buttons">
        <Button type="primary" block loading={sending} disabled={sending} onClick={send}>
          {sending ? '正在提交…' : '提交建议'}
        </Button>
      </View>
      <Text className="suggestion__link" onClick={() => void Taro.navigateTo({ url: SUGGESTION_PAGES.mine })}>
        我的建议 ›
      </Text>
    </View>
  );
}
