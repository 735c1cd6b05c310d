import { View, Text } from '@tarojs/components';
import { Input, Switch } from '@nutui/nutui-react-taro';
import * as v from 'valibot';
import { TeamSettingsSchema, type TeamSettings } from '../../../../types/team';

/** The 团体赛 numbers as typed; null: members sign up one by one. */
export type TeamsForm = { maxTeams: string; minPlayers: string; maxPlayers: string } | null;

export const teamsFormOf = (teams: TeamSettings | null | undefined): TeamsForm =>
  teams ? { maxTeams: String(teams.maxTeams), minPlayers: String(teams.minPlayers), maxPlayers: String(teams.maxPlayers) } : null;

const NAMES = { maxTeams: '最多队伍数', minPlayers: '每队最少人数', maxPlayers: '每队最多人数' } as const;

/** The team rules to send, checked with the cloud's own schema; or the first problem. */
export function teamsOf(form: TeamsForm): { ok: true; teams: TeamSettings | null } | { ok: false; problem: string } {
  if (!form) return { ok: true, teams: null };
  const numbers = {} as Record<keyof typeof NAMES, number>;
  for (const key of Object.keys(NAMES) as Array<keyof typeof NAMES>) {
    if (form[key].trim() === '') return { ok: false, problem: `请填写${NAMES[key]}` };
    numbers[key] = Number(form[key]);
  }
  const result = v.safeParse(TeamSettingsSchema, numbers);
  return result.success ? { ok: true, teams: result.output } : { ok: false, problem: result.issues[0].message };
}

/** 团体赛: a switch and the three numbers; places then count teams, not people. */
export function TeamFields({ value, onChange }: { value: TeamsForm; onChange: (next: TeamsForm) => void }) {
  return (
    <>
      <View className="edit__row">
        <Text className="edit__label">团体赛（按球队报名）</Text>
        <Switch checked={value !== null} onChange={(on) => onChange(on ? { maxTeams: '8', minPlayers: '6', maxPlayers: '10' } : null)} ariaLabel="团体赛" />
      </View>
      {value && (
        <>
          <Text className="edit__hint">由队长报名球队并邀请队员；名额按队伍数计算。</Text>
          {(Object.keys(NAMES) as Array<keyof typeof NAMES>).map((key) => (
            <View key={key} className="edit__row">
              <Text className="edit__label">{NAMES[key]}</Text>
              <Input placeholder={NAMES[key]} type="number" value={value[key]} maxLength={3} onChange={(n) => onChange({ ...value, [key]: n })} />
            </View>
          ))}
        </>
      )}
    </>
  );
}
