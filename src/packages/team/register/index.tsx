import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { TeamCandidate, TeamSettings, TeamView } from '../../../../types/team';
import { InlineMessage } from '../../../components/InlineMessage';
import { LoadState } from '../../../components/LoadState';
import { PLAYER_STATUS_LABELS, teamStateText } from '../../../components/TeamSection';
import { call, CloudCallError } from '../../../gateway/cloud';
import { useAction } from '../../../hooks/useAction';
import { notifyActivityChanged } from '../../../lib/activity-changed';
import { fullMessageOf } from '../../../lib/cloud-message';
import '../team.scss';

/** How many matches the picker shows at once: the captain narrows by typing. */
const SHOWN = 8;

/** The registered team as the server answered: every player's name and group. */
function Registered({ team, settings }: { team: TeamView; settings: TeamSettings }) {
  return (
    <View className="card team-page">
      <Text className="team-page__title">「{team.name}」已报名</Text>
      <Text className="team-page__hint">队员会收到邀请，确认后计入球队。{teamStateText(team, settings.minPlayers)}。</Text>
      {team.players.map((p) => (
        <View key={p.memberId} className="team-page__player">
          <Text>{p.name}（{p.groupName}）</Text>
          <Text className={`team-page__status team-page__status--${p.status}`}>{PLAYER_STATUS_LABELS[p.status]}</Text>
        </View>
      ))}
      <Button block type="primary" onClick={() => void Taro.navigateBack()}>返回活动</Button>
    </View>
  );
}

/** A captain names the team and picks players from the activity's audience by name (never by 工号). */
function RegisterForm({ activityId, settings, onDone }: { activityId: string; settings: TeamSettings; onDone: (team: TeamView) => void }) {
  const candidates = useAction('team.candidates', { activityId });
  const [name, setName] = useState('');
  const [query, setQuery] = useState('');
  const [players, setPlayers] = useState<TeamCandidate[]>([]);
  const [rowProblems, setRowProblems] = useState<Record<number, string>>({});
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const room = settings.maxPlayers - 1;

  const q = query.trim();
  const matches = q ? (candidates.data?.members ?? []).filter((m) => (m.name.includes(q) || m.groupName.includes(q)) && !players.some((p) => p.memberId === m.memberId)) : [];

  const add = (m: TeamCandidate) => {
    if (players.length >= room) return setProblem(`每队最多 ${settings.maxPlayers} 人（含队长），最多再添加 ${room} 名队员`);
    setPlayers([...players, m]);
    setQuery('');
    setProblem('');
    setRowProblems({});
  };

  const remove = (memberId: string) => {
    setPlayers(players.filter((p) => p.memberId !== memberId));
    setRowProblems({});
  };

  const submit = async () => {
    if (!name.trim()) return setProblem('请填写队名');
    setBusy(true);
    setProblem('');
    setRowProblems({});
    try {
      const team = await call('team.register', { activityId, name: name.trim(), playerIds: players.map((p) => p.memberId) }, { silent: true });
      notifyActivityChanged('organiser');
      onDone(team);
    } catch (e) {
      // The server names each player it refused (outside the audience, already in a team).
      if (e instanceof CloudCallError) {
        const rows: Record<number, string> = {};
        for (const issue of e.issues) {
          const match = /^playerIds\.(\d+)$/.exec(issue.path);
          if (match) rows[Number(match[1])] = issue.message;
        }
        setRowProblems(rows);
      }
      setProblem(fullMessageOf(e, '报名失败，请稍后再试'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card team-page">
      <Text className="team-page__hint">
        你是队长。每队 {settings.minPlayers}–{settings.maxPlayers} 人（含队长），确认的队员达到 {settings.minPlayers} 人即成队。
      </Text>
      <Input placeholder="队名，例如 语文组一队" value={name} maxLength={20} onChange={setName} />
      <Input placeholder="输入姓名或小组，查找队员" value={query} maxLength={20} onChange={setQuery} />
      <LoadState loading={candidates.loading && !candidates.data} error={candidates.error} onRetry={candidates.reload}>
        {q && matches.length === 0 && <Text className="team-page__hint">没有找到「{q}」，请换个写法，或确认对方在这个活动的参加范围内。</Text>}
        {matches.slice(0, SHOWN).map((m) => (
          <View key={m.memberId} className="team-page__player">
            <Text>{m.name}（{m.groupName}）</Text>
            <Button size="small" fill="outline" onClick={() => add(m)}>添加</Button>
          </View>
        ))}
        {matches.length > SHOWN && <Text className="team-page__hint">还有 {matches.length - SHOWN} 人，请输入更完整的姓名。</Text>}
      </LoadState>
      {players.length === 0 && <Text className="team-page__hint">还没有添加队员，也可以先报名，之后再组队。</Text>}
      {players.map((p, i) => (
        <View key={p.memberId} className="team-page__player">
          <View className="team-page__who">
            <Text>队员 {p.name}（{p.groupName}）</Text>
            {rowProblems[i] && <Text className="team-page__problem">{rowProblems[i]}</Text>}
          </View>
          <Button size="small" fill="none" onClick={() => remove(p.memberId)}>移除</Button>
        </View>
      ))}
      <InlineMessage text={problem} />
      <Button block type="primary" loading={busy} disabled={busy} onClick={submit}>报名球队</Button>
    </View>
  );
}

/** 组建球队 for one team contest (`?id=`): one call for the rules, one to register. */
export default function RegisterTeamPage() {
  const activityId = decodeURIComponent(useRouter()?.params?.id ?? '');
  const board = useAction('team.list', { activityId });
  const [team, setTeam] = useState<TeamView | null>(null);
  const data = board.data;
  return (
    <View className="page">
      <LoadState loading={board.loading && !data} error={board.error} onRetry={board.reload}>
        {data &&
          (team ? (
            <Registered team={team} settings={data.settings} />
          ) : data.canRegister.ok ? (
            <RegisterForm activityId={activityId} settings={data.settings} onDone={setTeam} />
          ) : (
            <View className="card team-page">
              <Text className="team-page__hint">{data.canRegister.reason}</Text>
            </View>
          ))}
      </LoadState>
    </View>
  );
}
