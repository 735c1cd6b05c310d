import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { CongressSession, SessionDraft } from '../../../../types/proposal';
import { InlineMessage } from '../../../components/InlineMessage';
import { LoadState } from '../../../components/LoadState';
import { call } from '../../../gateway/cloud';
import { useAction } from '../../../hooks/useAction';
import { fullMessageOf } from '../../../lib/cloud-message';
import { notifyProposalChanged, PROPOSAL_PAGES, useProposalChanged } from '../../../lib/proposal-routes';
import { blankSessionForm, coSignersText, sessionFormOf, WINDOW_LABELS, windowState, windowText } from '../lib/session-form';
import { SessionForm } from './SessionForm';
import '../fields.scss';

type Editing = { kind: 'create' } | { kind: 'edit'; session: CongressSession };

/** 教代会与承办部门: the congress sessions and their proposal windows, and the way to the departments. */
export default function SessionsPage() {
  const state = useAction('congress.sessions', {});
  const [editing, setEditing] = useState<Editing | null>(null);
  const [done, setDone] = useState('');
  useProposalChanged(() => void state.reload());
  const sessions = state.data?.sessions ?? [];
  const current = state.data?.current ?? null;
  const now = Date.now();

  const open = (next: Editing) => {
    setDone('');
    setEditing(next);
  };

  /** Saves the form's draft; resolves with the server's objection, or nothing when saved. */
  const save = async (session: SessionDraft): Promise<string | undefined> => {
    if (!editing) return undefined;
    try {
      const saved = await call('congress.saveSession', editing.kind === 'edit' ? { sessionId: editing.session._id, session } : { session }, { silent: true });
      void Taro.showToast({ title: '已保存', icon: 'success' });
      setDone(editing.kind === 'edit' ? `已保存「${saved.name}」的修改。` : `已新建「${saved.name}」。`);
      setEditing(null);
      notifyProposalChanged();
      return undefined;
    } catch (e) {
      return fullMessageOf(e, '保存失败，请稍后再试');
    }
  };

  const createButton = (
    <Button type="primary" block onClick={() => open({ kind: 'create' })}>
      新建会议
    </Button>
  );

  return (
    <View className="page">
      <Text className="admin__intro">每次教代会设一个会议，写明提案征集时间。代表们在征集时间内提交提案，提案工作委员会审查后交给承办部门答复。</Text>
      <InlineMessage text={done} tone="success" />
      <View className="section-title">教代会会议</View>
      {editing?.kind === 'create' && <SessionForm title="新建会议" initial={blankSessionForm()} onSave={save} onCancel={() => setEditing(null)} />}
      <LoadState
        loading={state.loading && !state.data}
        error={state.error}
        onRetry={state.reload}
        empty={sessions.length === 0}
        emptyText="还没有教代会会议"
        emptyAction={editing ? undefined : createButton}
      >
        {!editing && <View className="admin__create">{createButton}</View>}
        {sessions.map((session) =>
          editing?.kind === 'edit' && editing.session._id === session._id ? (
            <SessionForm key={session._id} title={`修改「${session.name}」`} initial={sessionFormOf(session)} onSave={save} onCancel={() => setEditing(null)} />
          ) : (
            <View key={session._id} className="card admin__card" aria-label={session.name}>
              <View className="admin__head">
                <Text className="admin__title">{session.name}</Text>
                {session._id === current && <Tag type="primary">当前会议</Tag>}
              </View>
              <Text className="admin__line">{windowText(session)}</Text>
              <Text className="admin__line">
                {WINDOW_LABELS[windowState(session, now)]} · {coSignersText(session.minCoSigners)}
              </Text>
              <View className="admin__actions">
                <Button size="small" fill="outline" onClick={() => open({ kind: 'edit', session })}>
                  修改
                </Button>
                <Button size="small" fill="outline" onClick={() => void Taro.navigateTo({ url: PROPOSAL_PAGES.report(session._id) })}>
                  办理情况报告
                </Button>
              </View>
            </View>
          ),
        )}
      </LoadState>

      <View className="section-title">承办部门</View>
      <View className="card admin__card">
        <Text className="admin__line">提案立案后交给承办部门（主办、协办）答复。每个部门要设好答复人，他们才能写答复。</Text>
        <Button block fill="outline" onClick={() => void Taro.navigateTo({ url: PROPOSAL_PAGES.departments })}>
          管理承办部门
        </Button>
      </View>
    </View>
  );
}
