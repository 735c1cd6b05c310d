import { View, Text } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { InlineMessage } from '../../../components/InlineMessage';
import { LoadState } from '../../../components/LoadState';
import { useAction } from '../../../hooks/useAction';
import { PROPOSAL_PAGES, useProposalChanged } from '../../../lib/proposal-routes';
import { BOX_LABELS, emptyText, parseBox, sortProposals, visibleBoxes, type Box, type ListFlags } from '../lib/list';
import { BoxTabs } from './BoxTabs';
import { ProposalCard } from './ProposalCard';
import { SessionHeader } from './SessionHeader';
import './index.scss';

interface BoxListProps {
  box: Box;
  sessionNames: ReadonlyMap<string, string>;
  currentSessionId: string | null;
  isDelegate: boolean;
  onFlags: (flags: ListFlags) => void;
  /** The box is not this person's (e.g. 提案审查 opened from a link by someone not on the committee). */
  onForbidden: () => void;
  /** Called with the reload, so the page's pull-down can run it. */
  register: (reload: () => Promise<void>) => void;
}

/** One box's cards, with its own loading, empty and error states. Mounted afresh for each box. */
function BoxList({ box, sessionNames, currentSessionId, isDelegate, onFlags, onForbidden, register }: BoxListProps) {
  const list = useAction('proposal.list', { box });
  const data = list.data;
  useEffect(() => register(list.reload), [register, list.reload]);
  useEffect(() => {
    if (data) onFlags({ isDelegate: data.isDelegate, isCommittee: data.isCommittee, isHandler: data.isHandler });
  }, [data, onFlags]);
  useEffect(() => {
    if (list.error?.code === 'FORBIDDEN' && box !== 'mine') onForbidden();
  }, [list.error, box, onForbidden]);
  useProposalChanged(() => void list.reload());

  const proposals = sortProposals(data?.proposals ?? [], box);
  const severalSessions = new Set(proposals.map((p) => p.sessionId)).size > 1 || proposals.some((p) => p.sessionId !== currentSessionId);
  return (
    <LoadState loading={list.loading && !data} error={list.error} onRetry={list.reload} empty={proposals.length === 0} emptyText={emptyText(box, data?.isDelegate ?? isDelegate)}>
      {proposals.map((proposal) => (
        <ProposalCard
          key={proposal._id}
          proposal={proposal}
          sessionName={severalSessions ? sessionNames.get(proposal.sessionId) : undefined}
          onOpen={() => void Taro.navigateTo({ url: PROPOSAL_PAGES.detail(proposal._id) })}
        />
      ))}
    </LoadState>
  );
}

/**
 * 教代会提案: 我的提案, and as the person's roles allow 待我附议, 提案审查 and 承办答复. Opens on
 * the box a link names (`?box=committee` from the organisers' tools).
 */
export default function ProposalListPage() {
  const router = useRouter();
  const [box, setBox] = useState<Box>(() => parseBox(router?.params?.box));
  const [flags, setFlags] = useState<ListFlags | null>(null);
  const [notice, setNotice] = useState('');
  const reloadBox = useRef<() => Promise<void>>();
  const sessions = useAction('congress.sessions', {});
  const current = sessions.data?.sessions.find((s) => s._id === sessions.data?.current) ?? null;
  const sessionNames = new Map((sessions.data?.sessions ?? []).map((s) => [s._id, s.name]));

  usePullDownRefresh(() => {
    void Promise.all([sessions.reload(), reloadBox.current?.()]).finally(() => Taro.stopPullDownRefresh());
  });
  const register = useCallback((reload: () => Promise<void>) => {
    reloadBox.current = reload;
  }, []);
  const onForbidden = useCallback(() => {
    setNotice(`你不能查看「${BOX_LABELS[box]}」，已为你打开「我的提案」。`);
    setBox('mine');
  }, [box]);

  const boxes = visibleBoxes(flags);
  // Until the first answer says which boxes are this person's, the box being opened is the only tab.
  const tabs = boxes.includes(box) ? boxes : [...boxes, box];

  return (
    <View className="page proposal-list">
      <SessionHeader
        session={current}
        loading={sessions.loading}
        error={sessions.error}
        onRetry={() => void sessions.reload()}
        isDelegate={flags ? flags.isDelegate : null}
        now={Date.now()}
      />
      <BoxTabs
        boxes={tabs}
        value={box}
        onChange={(next) => {
          setNotice('');
          setBox(next);
        }}
      />
      {box === 'committee' && flags?.isCommittee && (
        // The committee's report lives with the chair's tools; this is the committee's way to it.
        <View className="card proposal-list__row" role="link" aria-label="提案办理情况报告" onClick={() => void Taro.navigateTo({ url: PROPOSAL_PAGES.report(current?._id) })}>
          <Text className="proposal-list__hint">审查、交办和评价情况汇总，可导出 Excel</Text>
          <Text className="proposal-list__link">办理情况报告 ›</Text>
        </View>
      )}
      <InlineMessage text={notice} tone="info" />
      {tabs.length < 2 && <Text className="section-title proposal-list__box">{BOX_LABELS[box]}</Text>}
      <BoxList
        key={box}
        box={box}
        sessionNames={sessionNames}
        currentSessionId={current?._id ?? null}
        isDelegate={flags?.isDelegate ?? false}
        onFlags={setFlags}
        register={register}
        onForbidden={onForbidden}
      />
    </View>
  );
}
