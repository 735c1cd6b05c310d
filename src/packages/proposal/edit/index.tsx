import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import type { ProposalDetail, ProposalDraft } from '../../../../types/proposal';
import { InlineMessage } from '../../../components/InlineMessage';
import { LoadState } from '../../../components/LoadState';
import { call } from '../../../gateway/cloud';
import { useAction } from '../../../hooks/useAction';
import { fullMessageOf } from '../../../lib/cloud-message';
import { notifyProposalChanged, PROPOSAL_PAGES } from '../../../lib/proposal-routes';
import { blankProposalForm, proposalFormOf } from '../lib/draft-form';
import { ProposalEditor } from './ProposalEditor';
import './index.scss';

/** After saving, the proposal's own page replaces this form (a second tap cannot save twice). */
function Saved({ detail }: { detail: ProposalDetail }) {
  const open = () => void Taro.redirectTo({ url: PROPOSAL_PAGES.detail(detail.proposal._id) });
  return (
    <View className="card proposal-edit__saved">
      <Text className="proposal-edit__saved-title">已保存</Text>
      <Text className="proposal-edit__hint">「{detail.proposal.title}」已保存，正在打开提案页，可以在那里邀请附议。</Text>
      <Button type="primary" block onClick={open}>
        打开提案
      </Button>
    </View>
  );
}

/** Saves with one call, then goes to the proposal; the server's objection stays under the form. */
function useSave(send: (draft: ProposalDraft) => Promise<ProposalDetail>) {
  const [saved, setSaved] = useState<ProposalDetail | null>(null);
  const save = async (draft: ProposalDraft): Promise<string | undefined> => {
    try {
      const detail = await send(draft);
      setSaved(detail);
      notifyProposalChanged();
      void Taro.showToast({ title: '已保存', icon: 'success' });
      void Taro.redirectTo({ url: PROPOSAL_PAGES.detail(detail.proposal._id) });
      return undefined;
    } catch (e) {
      // PROPOSAL_WINDOW_CLOSED, NOT_DELEGATE and the like: the server's own words.
      return fullMessageOf(e, '保存失败，请稍后再试');
    }
  };
  return { saved, save };
}

function CreateProposal({ sessionId }: { sessionId: string }) {
  const { saved, save } = useSave((draft) => call('proposal.create', { sessionId, draft }, { silent: true }));
  if (saved) return <Saved detail={saved} />;
  return <ProposalEditor initial={blankProposalForm()} saveText="保存草稿" onSave={save} />;
}

function EditProposal({ proposalId }: { proposalId: string }) {
  const detail = useAction('proposal.get', { proposalId });
  const data = detail.data;
  const { saved, save } = useSave((draft) => call('proposal.update', { proposalId, draft }, { silent: true }));
  if (saved) return <Saved detail={saved} />;
  return (
    <LoadState loading={detail.loading && !data} error={detail.error} onRetry={detail.reload}>
      {data &&
        (data.can.edit ? (
          <ProposalEditor key={data.proposal.updatedAt} initial={proposalFormOf(data.proposal)} saveText="保存修改" onSave={save} />
        ) : (
          <View className="card proposal-edit__locked">
            <InlineMessage
              tone="info"
              text={data.can.revise ? '提案正在征集附议，内容不能直接修改。请在提案页点「撤回修改」，撤回后已有的附议会作废。' : '这份提案现在不能修改：只有征集期间的草稿可以修改。'}
            />
            <Button block fill="outline" onClick={() => void Taro.redirectTo({ url: PROPOSAL_PAGES.detail(proposalId) })}>
              回到提案
            </Button>
          </View>
        ))}
    </LoadState>
  );
}

/** 起草提案 (`?sessionId=`) or 修改提案 (`?id=`): saving keeps a draft; the proposal's page takes it on. */
export default function EditProposalPage() {
  const params = useRouter()?.params ?? {};
  const id = decodeURIComponent(params.id ?? '');
  const sessionId = decodeURIComponent(params.sessionId ?? '');
  useEffect(() => {
    if (id) void Taro.setNavigationBarTitle({ title: '修改提案' }).catch(() => undefined);
  }, [id]);
  return (
    <View className="page">
      {id ? <EditProposal proposalId={id} /> : sessionId ? <CreateProposal sessionId={sessionId} /> : <InlineMessage text="没有找到要起草提案的会议，请从提案列表重新进入。" />}
    </View>
  );
}
