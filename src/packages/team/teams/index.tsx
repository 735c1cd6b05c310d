import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { TeamBoard, TeamView } from '../../../../types/team';
import { InlineMessage } from '../../../components/InlineMessage';
import { LoadState } from '../../../components/LoadState';
import { PLAYER_STATUS_LABELS, teamStateText } from '../../../components/TeamSection';
import { call } from '../../../gateway/cloud';
import { useAction } from '../../../hooks/useAction';
import { notifyActivityChanged } from '../../../lib/activity-changed';
import { fullMessageOf } from '../../../lib/cloud-message';
import '../team.scss';

/** The captain withdraws the team; a player who confirmed leaves it. Both free their places. */
function MyTeamActions({ board, team, onChange }: { board: TeamBoard; team: TeamView; onChange: (next: TeamBoard) => void }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const captain = team.captainId === board.viewerId;

  const act = async () => {
    const { confirm } = await Taro.showModal(
      captain
        ? { title: '撤销球队报名', content: `撤销后「${team.name}」的报名和队员名单都会删除，确定撤销吗？`, confirmText: '撤销报名', cancelText: '再想想' }
        : { title: '退出球队', content: `确定退出「${team.name}」吗？`, confirmText: '退出', cancelText: '再想想' },
    );
    if (!confirm) return;
    setBusy(true);
    setProblem('');
    try {
      let teams: TeamView[];
      if (captain) {
        await call('team.withdraw', { teamId: team._id }, { silent: true });
        teams = board.teams.filter((t) => t._id !== team._id);
      } else {
        const left = await call('team.respond', { teamId: team._id, accept: false }, { silent: true });
        teams = board.teams.map((t) => (t._id === left._id ? left : t));
      }
      const teamsLeft = board.teamsLeft + (captain ? 1 : 0);
      onChange({ ...board, teams, mine: null, teamsLeft, canRegister: teamsLeft > 0 ? { ok: true } : { ok: false, reason: '参赛队伍已满' } });
      notifyActivityChanged('organiser');
      void Taro.showToast({ title: captain ? '已撤销' : '已退出', icon: 'success' });
    } catch (e) {
      setProblem(fullMessageOf(e, '操作失败，请稍后再试'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <InlineMessage text={problem} />
      <Button size="small" type="danger" fill="outline" disabled={busy} onClick={act}>
        {captain ? '撤销球队报名' : '退出球队'}
      </Button>
    </>
  );
}

/** Every team of a team contest with its players and their answers (members and organisers alike). */
export default function TeamsPage() {
  const activityId = decodeURIComponent(useRouter()?.params?.id ?? '');
  const board = useAction('team.list', { activityId });
  const data = board.data;
  return (
    <View className="page">
      <LoadState loading={board.loading && !data} error={board.error} onRetry={board.reload} empty={data?.teams.length === 0} emptyText="还没有球队报名">
        {data && (
          <>
            <Text className="team-page__hint">
              已报名 {data.teams.length} 支，成队 {data.teams.filter((t) => t.complete).length} 支，还可报名 {data.teamsLeft} 支。
            </Text>
            {data.teams.map((team) => (
              <View key={team._id} className="card team-page">
                <View className="team-page__player">
                  <Text className="team-page__title">{team.name}</Text>
                  <Text className={`team-page__status${team.complete ? ' team-page__status--confirmed' : ''}`}>{teamStateText(team, data.settings.minPlayers)}</Text>
                </View>
                {team.players.map((p) => (
                  <View key={p.memberId} className="team-page__player">
                    <Text>{p.name}（{p.groupName}）</Text>
                    <Text className={`team-page__status team-page__status--${p.status}`}>{PLAYER_STATUS_LABELS[p.status]}</Text>
                  </View>
                ))}
                {data.open && data.mine?._id === team._id && <MyTeamActions board={data} team={team} onChange={board.setData} />}
              </View>
            ))}
          </>
        )}
      </LoadState>
    </View>
  );
}
