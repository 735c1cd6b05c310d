import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useRef, useState } from 'react';
import { ERROR_MESSAGES } from '../../../../types/errors';
import type { Notice, NoticeDraft } from '../../../../types/notice';
import { InlineMessage } from '../../../components/InlineMessage';
import { LoadState } from '../../../components/LoadState';
import { call } from '../../../gateway/cloud';
import { useAction } from '../../../hooks/useAction';
import { fullMessageOf } from '../../../lib/cloud-message';
import { NOTICE_PAGES, notifyMonthChanged } from '../../../lib/month-routes';
import { isEditable, noticeState, publishOutcome } from '../../notice/lib/notice-view';
import { blankNoticeForm, noticeFormOf } from '../lib/notice-form';
import { NoticeEditor } from './NoticeEditor';
import '../fields.scss';
import './index.scss';

/** The toast shows a moment before the notice's own page replaces this one. */
const LEAVE_DELAY_MS = 600;

/** After saving: the form is gone (a second tap cannot save twice) and the notice's page opens. */
function Saved({ notice, published, editing }: { notice: Notice; published: boolean; editing: boolean }) {
  const url = NOTICE_PAGES.detail(notice._id);
  useEffect(() => {
    const leave = () => {
      // Editing came from the notice's page, which reloads itself; creating opens it.
      if (editing) void Taro.navigateBack().catch(() => Taro.redirectTo({ url }));
      else void Taro.redirectTo({ url });
    };
    const timer = setTimeout(leave, LEAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [url, editing]);
  const outcome = published ? publishOutcome(notice) : null;
  return (
    <View className="card notice-edit__saved">
      <Text className="notice-edit__saved-title">{outcome ? outcome.toast : '已保存为草稿'}</Text>
      <Text className="edit__hint">{outcome ? outcome.text : `「${notice.title}」还是草稿，只有组织者能看到。可以在通知页发布。`}</Text>
      <Button type="primary" block onClick={() => void Taro.redirectTo({ url })}>
        查看通知
      </Button>
    </View>
  );
}

/**
 * Saves (create, then update the same notice) and, when asked, publishes. A refused publish leaves
 * the notice saved as a draft; the next tap updates it rather than writing a second one.
 */
function useSave(noticeId?: string) {
  const savedId = useRef(noticeId);
  const [done, setDone] = useState<{ notice: Notice; published: boolean } | null>(null);

  const save = async (draft: NoticeDraft, publish: boolean): Promise<string | undefined> => {
    let saved: Notice;
    try {
      saved = savedId.current
        ? await call('notice.update', { noticeId: savedId.current, draft }, { silent: true })
        : await call('notice.create', { draft }, { silent: true });
      savedId.current = saved._id;
      notifyMonthChanged();
    } catch (e) {
      // ATTACHMENT_TOO_LARGE, NOTICE_NOT_EDITABLE and the like: the server's own words.
      return fullMessageOf(e, '保存失败，请稍后再试');
    }
    if (!publish) {
      setDone({ notice: saved, published: false });
      void Taro.showToast({ title: '已保存草稿', icon: 'success' });
      return undefined;
    }
    try {
      const published = await call('notice.publish', { noticeId: saved._id }, { silent: true });
      notifyMonthChanged();
      const outcome = publishOutcome(published);
      setDone({ notice: published, published: true });
      void Taro.showToast({ title: outcome.toast, icon: outcome.tone === 'success' ? 'success' : 'none' });
      return undefined;
    } catch (e) {
      // CONTENT_RISKY: the text must change; what was written is kept as a draft meanwhile.
      return `${fullMessageOf(e, '发布失败，请稍后再试')}（通知已保存为草稿）`;
    }
  };
  return { done, save };
}

function CreateNotice() {
  const { done, save } = useSave();
  if (done) return <Saved notice={done.notice} published={done.published} editing={false} />;
  return <NoticeEditor initial={blankNoticeForm()} onSave={save} />;
}

/** What editing this notice means, said before the author starts typing. */
function editNote(notice: Notice): string {
  const state = noticeState(notice);
  if (state === 'held') return '这条通知正在等工会主席审核。修改后会变回草稿，需要重新发布。';
  if (state === 'scheduled') return '这条通知已定时发布。修改后会变回草稿，需要重新发布。';
  return '';
}

function EditNotice({ noticeId }: { noticeId: string }) {
  const detail = useAction('notice.get', { noticeId });
  const notice = detail.data?.notice;
  const { done, save } = useSave(noticeId);

  if (done) return <Saved notice={done.notice} published={done.published} editing />;
  return (
    <LoadState loading={detail.loading && !notice} error={detail.error} onRetry={detail.reload}>
      {notice && !isEditable(noticeState(notice)) && <InlineMessage tone="info" text={ERROR_MESSAGES.NOTICE_NOT_EDITABLE} />}
      {notice && isEditable(noticeState(notice)) && (
        <>
          <InlineMessage tone="info" text={editNote(notice)} />
          {notice.refusedReason && <InlineMessage text={`工会主席退回了这条通知：${notice.refusedReason}`} />}
          <NoticeEditor key={notice.updatedAt} initial={noticeFormOf(notice)} onSave={save} />
        </>
      )}
    </LoadState>
  );
}

/** 发布通知 (no id) or 编辑通知 (`?id=`): 保存草稿 keeps it for later; 保存并发布 sends it out. */
export default function EditNoticePage() {
  const id = decodeURIComponent(useRouter()?.params?.id ?? '');
  useEffect(() => {
    if (id) void Taro.setNavigationBarTitle({ title: '编辑通知' }).catch(() => undefined);
  }, [id]);
  return <View className="page">{id ? <EditNotice noticeId={id} /> : <CreateNotice />}</View>;
}
