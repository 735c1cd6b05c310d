import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Cell } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { Group } from '../../../../types/member';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { InlineMessage } from '../../../components/InlineMessage';
import { LoadState } from '../../../components/LoadState';
import { TextInputDialog } from '../../../components/TextInputDialog';
import { call, CloudCallError } from '../../../gateway/cloud';
import { useAction } from '../../../hooks/useAction';
import { notifyRosterChanged } from '../lib/roster-changed';
import './index.scss';

type GroupRow = Group & { memberCount: number };
type Editing = { kind: 'create' } | { kind: 'rename'; group: GroupRow };

const messageOf = (e: unknown, fallback: string): string =>
  e instanceof CloudCallError ? (e.issues[0]?.message ?? e.message) : fallback;

export default function GroupsPage() {
  const groups = useAction('groups.list', {});
  const [editing, setEditing] = useState<Editing | null>(null);
  const [removing, setRemoving] = useState<GroupRow | null>(null);
  const [problem, setProblem] = useState('');

  /** Saves the dialog's name; resolves with the server's objection, or nothing when saved. */
  const saveName = async (name: string): Promise<string | undefined> => {
    if (!editing) return undefined;
    try {
      if (editing.kind === 'create') {
        await call('groups.create', { name }, { silent: true });
        void Taro.showToast({ title: '已新建小组', icon: 'success' });
      } else {
        await call('groups.rename', { groupId: editing.group._id, name }, { silent: true });
        notifyRosterChanged(); // members carry their group's name
        void Taro.showToast({ title: '已改名', icon: 'success' });
      }
    } catch (e) {
      return messageOf(e, '保存失败，请稍后再试');
    }
    setProblem('');
    void groups.reload();
    return undefined;
  };

  const remove = async () => {
    if (!removing) return;
    setProblem('');
    try {
      await call('groups.remove', { groupId: removing._id }, { silent: true });
      void Taro.showToast({ title: '已删除小组', icon: 'success' });
      void groups.reload();
    } catch (e) {
      setProblem(messageOf(e, '删除失败，请稍后再试'));
    }
  };

  const list = groups.data ?? [];
  const createButton = (
    <Button type="primary" block onClick={() => setEditing({ kind: 'create' })}>
      新建小组
    </Button>
  );

  return (
    <View className="page groups">
      <Text className="groups__intro">会员按工会小组组织活动和报名。小组里还有会员时不能删除，请先在名册中把他们调到其他小组。</Text>
      <InlineMessage text={problem} />
      <LoadState
        loading={groups.loading && !groups.data}
        error={groups.error}
        onRetry={groups.reload}
        empty={list.length === 0}
        emptyText="还没有工会小组"
        emptyAction={createButton}
      >
        <Cell.Group>
          {list.map((group) => (
            <Cell
              key={group._id}
              className="groups__row"
              align="center"
              title={group.name}
              description={`${group.memberCount} 人`}
              extra={
                <View className="groups__row-actions">
                  <Button size="small" fill="outline" onClick={() => setEditing({ kind: 'rename', group })}>
                    改名
                  </Button>
                  <Button size="small" type="danger" fill="outline" onClick={() => setRemoving(group)}>
                    删除
                  </Button>
                </View>
              }
            />
          ))}
        </Cell.Group>
        <View className="groups__create">{createButton}</View>
      </LoadState>

      <TextInputDialog
        visible={editing !== null}
        title={editing?.kind === 'rename' ? `给「${editing.group.name}」改名` : '新建工会小组'}
        placeholder="小组名称，例如 语文组"
        initialValue={editing?.kind === 'rename' ? editing.group.name : ''}
        confirmText={editing?.kind === 'rename' ? '改名' : '新建'}
        emptyMessage="请填写小组名称"
        onSubmit={saveName}
        onClose={() => setEditing(null)}
      />
      <ConfirmDialog
        visible={removing !== null}
        title="删除工会小组"
        content={removing ? `确定删除「${removing.name}」吗？` : ''}
        confirmText="删除"
        onConfirm={remove}
        onClose={() => setRemoving(null)}
      />
    </View>
  );
}
