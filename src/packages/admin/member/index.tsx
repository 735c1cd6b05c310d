import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Cell, Checkbox, Switch } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import type { Role } from '../../../../types/fields';
import { GENDER_LABELS, ROLE_LABELS, ROLES, STATUS_LABELS } from '../../../../types/labels';
import type { MemberView } from '../../../../types/member';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { InlineMessage } from '../../../components/InlineMessage';
import { LoadState } from '../../../components/LoadState';
import { RoleTags } from '../../../components/RoleTags';
import { call, CloudCallError } from '../../../gateway/cloud';
import { useAction } from '../../../hooks/useAction';
import { formatDate, formatDateTime } from '../../../lib/time';
import { formatMonthDay } from '../lib/format';
import { notifyRosterChanged } from '../lib/roster-changed';
import { BindCodePanel } from './BindCodePanel';
import './index.scss';

const messageOf = (e: unknown, fallback: string): string =>
  e instanceof CloudCallError ? (e.issues[0]?.message ?? e.message) : fallback;

const sameRoles = (a: readonly Role[], b: readonly Role[]): boolean => a.length === b.length && a.every((role) => b.includes(role));

export default function MemberPage() {
  const router = useRouter();
  const memberId = decodeURIComponent(router?.params?.id ?? '');
  const record = useAction('member.get', { memberId });
  const member = record.data;

  const [roles, setRoles] = useState<Role[]>([]);
  const [isDelegate, setIsDelegate] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveProblem, setSaveProblem] = useState('');
  const [confirmingUnbind, setConfirmingUnbind] = useState(false);
  const [unbindProblem, setUnbindProblem] = useState('');

  // The form starts from the record, and again whenever the record comes back from the server.
  useEffect(() => {
    if (!member) return;
    setRoles(ROLES.filter((role) => member.roles.includes(role)));
    setIsDelegate(member.isDelegate);
  }, [member]);

  const changed = !!member && (!sameRoles(roles, member.roles) || isDelegate !== member.isDelegate);

  const applyServerRecord = (next: MemberView) => {
    record.setData(next);
    notifyRosterChanged();
  };

  const save = async () => {
    setSaving(true);
    setSaveProblem('');
    try {
      applyServerRecord(await call('member.setRoles', { memberId, roles, isDelegate }, { silent: true }));
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (e) {
      setSaveProblem(messageOf(e, '保存失败，请稍后再试'));
    } finally {
      setSaving(false);
    }
  };

  const unbind = async () => {
    setUnbindProblem('');
    try {
      applyServerRecord(await call('member.unbind', { memberId }, { silent: true }));
      void Taro.showToast({ title: '已解除绑定', icon: 'success' });
    } catch (e) {
      setUnbindProblem(messageOf(e, '解除绑定失败，请稍后再试'));
    }
  };

  return (
    <View className="page member">
      <LoadState loading={record.loading && !member} error={record.error} onRetry={record.reload}>
        {member && (
          <>
            <View className="card member__head">
              <Text className="member__name">{member.name}</Text>
              <Text className="member__meta">
                工号 {member.staffNo} · {member.groupName}
              </Text>
              <RoleTags roles={member.roles} isDelegate={member.isDelegate} showMember />
            </View>

            <View className="section-title">基本信息</View>
            <Cell.Group>
              <Cell title="性别" extra={GENDER_LABELS[member.gender]} />
              <Cell title="状态" extra={STATUS_LABELS[member.status]} />
              <Cell title="工会小组" extra={member.groupName} />
              <Cell title="部门" extra={member.department || '未填写'} />
              <Cell title="年级组" extra={member.gradeGroup || '未填写'} />
              <Cell title="教研组" extra={member.subjectGroup || '未填写'} />
              <Cell title="生日" extra={member.birthday ? formatMonthDay(member.birthday) : '未填写'} />
              <Cell title="手机" extra={member.phone || '未填写'} />
              <Cell title="加入名册" extra={formatDate(member.createdAt)} />
              <Cell title="最近更新" extra={formatDateTime(member.updatedAt)} />
            </Cell.Group>

            <View className="section-title">角色</View>
            <View className="card member__roles">
              <Checkbox.Group value={roles} onChange={(value) => setRoles(ROLES.filter((role) => value.includes(role)))}>
                {ROLES.map((role) => (
                  <Checkbox key={role} className="member__role" value={role} label={ROLE_LABELS[role]} />
                ))}
              </Checkbox.Group>
              <View className="member__delegate">
                <Text>教代会代表</Text>
                <Switch checked={isDelegate} onChange={setIsDelegate} ariaLabel="教代会代表" />
              </View>
              <InlineMessage text={saveProblem} />
              <Button type="primary" block loading={saving} disabled={!changed || saving} onClick={save}>
                保存
              </Button>
            </View>

            <View className="section-title">微信绑定</View>
            <View className="card member__binding">
              {member.bound ? (
                <>
                  <Text className="member__bound">已绑定{member.boundAt ? `（${formatDate(member.boundAt)}）` : ''}</Text>
                  <Text className="member__hint">绑错了人时可以解除绑定：对方的小程序随即无法再使用，本人需用微信手机号或绑定码重新绑定。</Text>
                  <InlineMessage text={unbindProblem} />
                  <Button type="danger" fill="outline" block onClick={() => setConfirmingUnbind(true)}>
                    解除微信绑定
                  </Button>
                </>
              ) : (
                <Text className="member__hint">还未绑定微信。名册里登记了手机号的，本人用「微信手机号一键绑定」即可。</Text>
              )}
              <BindCodePanel memberId={memberId} bound={member.bound} />
            </View>

            <ConfirmDialog
              visible={confirmingUnbind}
              title="解除微信绑定"
              content={`解除后，${member.name}的微信立即无法使用教工之家，需要用微信手机号或绑定码重新绑定。确定解除吗？`}
              confirmText="解除绑定"
              onConfirm={unbind}
              onClose={() => setConfirmingUnbind(false)}
            />
          </>
        )}
      </LoadState>
    </View>
  );
}
