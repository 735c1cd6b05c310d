import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { TeamBoard, TeamPlayerStatus, TeamView } from '../../types/team';
import { call } from '../gateway/cloud';
import { notifyActivityChanged } from '../lib/activity-changed';
import { fullMessageOf } from '../lib/cloud-message';
import { InlineMessage } from './InlineMessage';

/** Team pages live in packages/team: members who never captain a team never download them. */
export const TEAM_PAGES = {
  register: (id: string) => `/packages/team/register/index?id=${encodeURIComponent(id)}`,
  teams: (id: string) => `/packages/team/teams/index?id=${encodeURIComponent(id)}`,
} as const;

export const PLAYER_STATUS_LABELS: Record<TeamPlayerStatus, string> = { captain: '队长', confirmed: '已确认', invited: '待确认', declined: '已拒绝' };

/** 已成队, or how many more confirmations the team needs. */
export const teamStateText = (team: Pick<TeamView, 'confirmed' | 'complete'>, minPlayers: number): string =>
  team.complete ? '已成队' : `还差 ${minPlayers - team.confirmed} 人确认`;

/** Players in one line: 张老师（队长）、李老师（待确认）. */
export const playersText = (team: TeamView): string => team.players.map((p) => `${p.name}（${PLAYER_STATUS_LABELS[p.status]}）`).join('、');

/**
 * A team contest on the detail page, in place of the individual sign-up form: invitations with
 * 接受/拒绝, my team's state, and 组建球队. Registering, the teams and withdrawing are pages of the
 * team subpackage, to keep the main package light. Styles are the detail page's own.
 */
export function TeamSection({ board: data, onChange }: { board: TeamBoard; onChange: (board: TeamBoard) => void }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const { activityId } = data;

  const respond = async (team: TeamView, accept: boolean) => {
    setBusy(true);
    setProblem('');
    try {
      await call('team.respond', { teamId: team._id, accept }, { silent: true });
      // The board as the server now has it: other invitations stay open, and whether I may register is its call.
      onChange(await call('team.list', { activityId }, { silent: true }));
      notifyActivityChanged('detail');
      void Taro.showToast({ title: accept ? '已加入球队' : '已拒绝邀请', icon: accept ? 'success' : 'none' });
    } catch (e) {
      setProblem(fullMessageOf(e, '操作失败，请稍后再试'));
    } finally {
      setBusy(false);
    }
  };

  const { settings, mine } = data;
  const size = settings.minPlayers === settings.maxPlayers ? settings.minPlayers : `${settings.minPlayers}–${settings.maxPlayers}`;
  return (
    <>
      <View className="section-title">球队报名</View>
      <View className="card activity__signup">
        <Text className="activity__hint">
          团体赛：每队 {size} 人（含队长），已报名 {data.teams.length} 支，还可报名 {data.teamsLeft} 支。
        </Text>
        {data.invitations.map((team) => (
          <View key={team._id} className="activity__mine">
            <Text className="activity__standing activity__standing--waitlisted">「{team.name}」邀请你加入</Text>
            <Text className="activity__line">队长：{team.captainName}；队员：{playersText(team)}</Text>
            {data.open && (
              <View className="activity__manage-row">
                <Button size="small" type="primary" disabled={busy} onClick={() => respond(team, true)}>接受</Button>
                <Button size="small" fill="outline" disabled={busy} onClick={() => respond(team, false)}>拒绝</Button>
              </View>
            )}
          </View>
        ))}
        {mine && (
          <View className="activity__mine">
            <Text className={`activity__standing${mine.complete ? '' : ' activity__standing--waitlisted'}`}>我的球队：{mine.name}（{teamStateText(mine, settings.minPlayers)}）</Text>
            <Text className="activity__line">{playersText(mine)}</Text>
          </View>
        )}
        {!mine && (data.canRegister.ok ? (
          <Button type="primary" block onClick={() => Taro.navigateTo({ url: TEAM_PAGES.register(activityId) })}>组建球队</Button>
        ) : (
          <Text className="activity__hint">{data.canRegister.reason}</Text>
        ))}
        <InlineMessage text={problem} />
        {data.teams.length > 0 && (
          <Button block fill="outline" onClick={() => Taro.navigateTo({ url: TEAM_PAGES.teams(activityId) })}>
            {mine && data.open ? '管理我的球队 · ' : ''}全部球队（{data.teams.length}）
          </Button>
        )}
      </View>
    </>
  );
}
