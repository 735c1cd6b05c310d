import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { VoteTurnout } from '../../../../types/vote';
import { InlineMessage } from '../../../components/InlineMessage';
import { call, openDocument } from '../../../gateway/cloud';
import { messageOf } from '../../../lib/cloud-message';
import { formatDateTime, shanghaiDateText, shanghaiTimeText, shanghaiWallTime } from '../../../lib/time';
import { notifyVoteChanged, VOTE_PAGES } from '../../../lib/vote-routes';
import { DateTimeField } from '../../organiser/edit/DateTimeField';
import type { WallTime } from '../lib/vote-draft-form';

const DAY_MS = 24 * 60 * 60 * 1000;
const wall = (ms: number): WallTime => ({ date: shanghaiDateText(ms), time: shanghaiTimeText(ms) });

export interface TurnoutActionsProps {
  turnout: VoteTurnout;
}

/**
 * 查看结果, 导出结果, 延长截止时间 and 提前结束投票. Each says what happened beside the buttons;
 * a change tells every open vote page (this one included) to reload.
 */
export function TurnoutActions({ turnout }: TurnoutActionsProps) {
  const { vote, phase } = turnout;
  const voteId = vote._id;
  const running = vote.status === 'published' && phase !== 'closed';
  // A secret vote's figures stay sealed until it ends (the server refuses with RESULTS_NOT_YET).
  const canExport = vote.status !== 'draft' && (!vote.secret || phase === 'closed');
  const [busy, setBusy] = useState<'' | 'close' | 'extend' | 'export'>('');
  const [problem, setProblem] = useState('');
  const [done, setDone] = useState('');
  const [extending, setExtending] = useState(false);
  const [closesAt, setClosesAt] = useState<WallTime>(() => wall(vote.closesAt + DAY_MS));

  const start = (what: typeof busy) => {
    setBusy(what);
    setProblem('');
    setDone('');
  };

  const closeEarly = async () => {
    const { confirm } = await Taro.showModal({
      title: '提前结束投票',
      content: '结束后大家就不能再投票了，结果按已经投的票统计，而且不能撤销。确定现在结束吗？',
      confirmText: '结束投票',
      cancelText: '再想想',
    });
    if (!confirm) return;
    start('close');
    try {
      await call('vote.close', { voteId }, { silent: true });
      setDone('投票已结束。');
      void Taro.showToast({ title: '投票已结束', icon: 'success' });
      notifyVoteChanged();
    } catch (e) {
      setProblem(messageOf(e, '结束投票失败，请稍后再试'));
    } finally {
      setBusy('');
    }
  };

  const extend = async () => {
    const at = shanghaiWallTime(closesAt.date, closesAt.time);
    setDone('');
    if (Number.isNaN(at)) return setProblem('请选择新的截止时间');
    if (at <= vote.closesAt) return setProblem(`新的截止时间要晚于原来的截止时间（${formatDateTime(vote.closesAt)}）`);
    start('extend');
    try {
      const updated = await call('vote.extend', { voteId, closesAt: at }, { silent: true });
      setExtending(false);
      setDone(`截止时间已延长到 ${formatDateTime(updated.closesAt)}。`);
      void Taro.showToast({ title: '已延长', icon: 'success' });
      notifyVoteChanged();
    } catch (e) {
      // VOTE_EXTEND_INVALID: not later than before, or the vote has ended.
      setProblem(messageOf(e, '延长失败，请稍后再试'));
    } finally {
      setBusy('');
    }
  };

  const exportResults = async () => {
    start('export');
    try {
      const file = await call('vote.export', { voteId }, { silent: true });
      await openDocument(file);
      setDone(`已导出「${file.fileName}」，可在打开的文件菜单里转发到微信群。`);
      void Taro.showToast({ title: '已导出', icon: 'success' });
    } catch (e) {
      setProblem(messageOf(e, '导出失败，请稍后再试'));
    } finally {
      setBusy('');
    }
  };

  return (
    <View className="card turnout__actions">
      <Button block fill="outline" onClick={() => void Taro.navigateTo({ url: VOTE_PAGES.detail(voteId) })}>
        查看投票与结果
      </Button>
      {canExport && (
        <Button block fill="outline" loading={busy === 'export'} disabled={busy !== ''} onClick={exportResults}>
          {busy === 'export' ? '正在导出…' : '导出结果'}
        </Button>
      )}
      {vote.status !== 'draft' && !canExport && <Text className="turnout__hint">无记名投票结束后才能导出结果。</Text>}
      {running && !extending && (
        <Button block fill="outline" disabled={busy !== ''} onClick={() => { setClosesAt(wall(vote.closesAt + DAY_MS)); setExtending(true); setProblem(''); setDone(''); }}>
          延长截止时间
        </Button>
      )}
      {running && extending && (
        <View className="turnout__extend">
          <Text className="turnout__hint">原定 {formatDateTime(vote.closesAt)} 截止。新的截止时间要晚于它：</Text>
          <DateTimeField label="新的截止" value={closesAt} onChange={setClosesAt} />
          <View className="turnout__extend-buttons">
            <Button size="small" type="primary" loading={busy === 'extend'} disabled={busy !== ''} onClick={extend}>
              确认延长
            </Button>
            <Button size="small" fill="none" onClick={() => { setExtending(false); setProblem(''); }}>
              先不延长
            </Button>
          </View>
        </View>
      )}
      {running && (
        <Button block type="danger" fill="outline" loading={busy === 'close'} disabled={busy !== ''} onClick={closeEarly}>
          提前结束投票
        </Button>
      )}
      <InlineMessage text={problem} />
      <InlineMessage text={done} tone="success" />
    </View>
  );
}
