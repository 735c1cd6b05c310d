import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import type { VoteDraft, VoteInfo } from '../../../../types/vote';
import { InlineMessage } from '../../../components/InlineMessage';
import { LoadState } from '../../../components/LoadState';
import { call } from '../../../gateway/cloud';
import { useAction } from '../../../hooks/useAction';
import { fullMessageOf } from '../../../lib/cloud-message';
import { notifyVoteChanged, VOTE_PAGES } from '../../../lib/vote-routes';
import { blankVoteForm, voteFormOf } from '../lib/vote-draft-form';
import { VoteEditor } from './VoteEditor';
import '../fields.scss';
import './index.scss';

/** The toast shows a moment before the vote's own page, where the organiser publishes it, replaces this one. */
const REDIRECT_DELAY_MS = 600;

/** After saving: the form is gone (a second tap cannot save twice) and the vote's page opens. */
function Saved({ vote, created }: { vote: VoteInfo; created: boolean }) {
  const url = VOTE_PAGES.detail(vote._id);
  const open = () => void Taro.redirectTo({ url });
  useEffect(() => {
    const timer = setTimeout(() => void Taro.redirectTo({ url }), REDIRECT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [url]);
  return (
    <View className="card vote-edit__saved">
      <Text className="vote-edit__saved-title">{created ? '已保存为草稿' : '已保存修改'}</Text>
      <Text className="edit__hint">
        {vote.status === 'draft' ? `「${vote.title}」还是草稿，大家看不到。正在打开投票页，可以在那里发布。` : `「${vote.title}」已更新。正在打开投票页…`}
      </Text>
      <Button type="primary" block onClick={open}>
        打开投票页
      </Button>
    </View>
  );
}

/** Saves with one call; the server's objections (with every field it named) are shown under the form. */
function useSave(send: (draft: VoteDraft) => Promise<VoteInfo>) {
  const [saved, setSaved] = useState<VoteInfo | null>(null);
  const save = async (draft: VoteDraft): Promise<string | undefined> => {
    try {
      setSaved(await send(draft));
      notifyVoteChanged();
      void Taro.showToast({ title: '已保存', icon: 'success' });
      return undefined;
    } catch (e) {
      // VOTE_NOT_EDITABLE and the like: the server's own words.
      return fullMessageOf(e, '保存失败，请稍后再试');
    }
  };
  return { saved, save };
}

function CreateVote() {
  const { saved, save } = useSave((draft) => call('vote.create', { draft }, { silent: true }));
  if (saved) return <Saved vote={saved} created />;
  return <VoteEditor initial={blankVoteForm()} creating saveText="保存为草稿" onSave={save} />;
}

/** What editing this vote can still change, said before the organiser starts typing. */
function editNotice(vote: VoteInfo): string {
  if (vote.status === 'closed') return '投票已经结束，不能再修改。';
  if (vote.turnout > 0) return `已经有 ${vote.turnout} 人投票，内容不能再修改；如需更多时间，可以在「投票情况」里延长截止时间。`;
  if (vote.status === 'published') return '投票已发布，还没有人投票。保存后，修改立即生效。';
  return '';
}

function EditVote({ voteId }: { voteId: string }) {
  // One call: the vote as `vote.get` answers it is the form's starting point.
  const detail = useAction('vote.get', { voteId });
  const vote = detail.data?.vote;
  const { saved, save } = useSave((draft) => call('vote.update', { voteId, draft }, { silent: true }));

  if (saved) return <Saved vote={saved} created={false} />;
  const notice = vote ? editNotice(vote) : '';
  return (
    <LoadState loading={detail.loading && !vote} error={detail.error} onRetry={detail.reload}>
      {vote && (
        <>
          <InlineMessage text={notice} tone="info" />
          {vote.status !== 'draft' && (
            <Text className="edit__link vote-edit__turnout-link" onClick={() => void Taro.navigateTo({ url: VOTE_PAGES.turnout(voteId) })}>
              查看投票情况 ›
            </Text>
          )}
          <VoteEditor key={vote.updatedAt} initial={voteFormOf(vote)} creating={false} photoUrls={detail.data?.photoUrls} saveText="保存修改" onSave={save} />
        </>
      )}
    </LoadState>
  );
}

/** 发起投票 (no id) or 编辑投票 (`?id=`): saving keeps a draft; the vote's own page publishes it. */
export default function EditVotePage() {
  const id = decodeURIComponent(useRouter()?.params?.id ?? '');
  useEffect(() => {
    if (id) void Taro.setNavigationBarTitle({ title: '编辑投票' }).catch(() => undefined);
  }, [id]);
  return <View className="page">{id ? <EditVote voteId={id} /> : <CreateVote />}</View>;
}
