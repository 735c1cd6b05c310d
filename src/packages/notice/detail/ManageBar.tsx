import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { Notice } from '../../../../types/notice';
import { InlineMessage } from '../../../components/InlineMessage';
import { call } from '../../../gateway/cloud';
import { fullMessageOf, messageOf } from '../../../lib/cloud-message';
import { NOTICE_PAGES } from '../../../lib/month-routes';
import { isEditable, noticeState, publishOutcome } from '../lib/notice-view';

export interface ManageBarProps {
  notice: Notice;
  /** The notice as the cloud answered after publishing it. */
  onPublished: (notice: Notice) => void;
  /** The notice is gone: tell the other pages and leave. */
  onRemoved: () => void;
}

/**
 * Authors' tools on a notice: 编辑 until people may have read it, 发布 a draft, 阅读情况 once it
 * is out, 删除 (asked first). The form and the readers' list are the notice-admin subpackage.
 */
export function ManageBar({ notice, onPublished, onRemoved }: ManageBarProps) {
  const state = noticeState(notice);
  const [busy, setBusy] = useState<'' | 'publish' | 'remove'>('');
  const [problem, setProblem] = useState('');
  const [done, setDone] = useState<{ text: string; tone: 'success' | 'info' } | null>(null);

  const publish = async () => {
    setBusy('publish');
    setProblem('');
    setDone(null);
    try {
      const published = await call('notice.publish', { noticeId: notice._id }, { silent: true });
      const outcome = publishOutcome(published);
      // Held: the notice's own page says why, above; the toast is enough here.
      setDone(outcome.tone === 'info' ? null : outcome);
      void Taro.showToast({ title: outcome.toast, icon: outcome.tone === 'success' ? 'success' : 'none' });
      onPublished(published);
    } catch (e) {
      // CONTENT_RISKY and the like: the server's own words.
      setProblem(fullMessageOf(e, '发布失败，请稍后再试'));
    } finally {
      setBusy('');
    }
  };

  const remove = async () => {
    const { confirm } = await Taro.showModal({
      title: '删除通知',
      content: `删除「${notice.title}」后不能恢复，大家也就看不到它了。确定删除吗？`,
      confirmText: '删除',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setBusy('remove');
    setProblem('');
    setDone(null);
    try {
      await call('notice.remove', { noticeId: notice._id }, { silent: true });
      void Taro.showToast({ title: '已删除', icon: 'success' });
      onRemoved();
    } catch (e) {
      setProblem(messageOf(e, '删除失败，请稍后再试'));
      setBusy('');
    }
  };

  return (
    <>
      <View className="section-title">通知管理</View>
      <View className="card notice-detail__manage">
        <View className="notice-detail__manage-row">
          {isEditable(state) && (
            <Button size="small" fill="outline" disabled={busy !== ''} onClick={() => void Taro.navigateTo({ url: NOTICE_PAGES.edit(notice._id) })}>
              编辑
            </Button>
          )}
          {state === 'draft' && (
            <Button size="small" type="primary" loading={busy === 'publish'} disabled={busy !== ''} onClick={publish}>
              发布
            </Button>
          )}
          {state === 'published' && (
            <Button size="small" fill="outline" onClick={() => void Taro.navigateTo({ url: NOTICE_PAGES.readers(notice._id) })}>
              阅读情况
            </Button>
          )}
          <Button size="small" type="danger" fill="outline" loading={busy === 'remove'} disabled={busy !== ''} onClick={remove}>
            删除
          </Button>
        </View>
        {state === 'published' && !done && <View className="notice-detail__hint">通知已经发布，不能再修改；如需更正请另发一条。</View>}
        {state === 'scheduled' && !done && <View className="notice-detail__hint">修改定时发布的通知后，它会变回草稿，需要重新发布。</View>}
        <InlineMessage text={done?.text} tone={done?.tone} />
        <InlineMessage text={problem} />
      </View>
    </>
  );
}
ManageBar.displayName = 'ManageBar';
