import { View, Text } from '@tarojs/components';
import { Cell, Tag } from '@nutui/nutui-react-taro';
import type { VoteDetail } from '../../../../types/vote';
import { RESULT_VISIBILITY_LABELS, VOTE_KIND_LABELS, VOTE_PHASE_LABELS } from '../../../../types/labels';
import { audienceText } from '../../../lib/activity-format';
import { formatShortDateTime } from '../../../lib/time';
import { secrecyText } from '../lib/list';

export const SECRET_NOTE = '无记名投票：系统只记录你已投票，不记录你投了谁';
export const NAMED_NOTE = '记名投票：组织者可以看到每个人的选择';

/** What a vote is: title, kind, where it stands, when, who may vote, how results are shown, secrecy. */
export function VoteFacts({ detail }: { detail: VoteDetail }) {
  const { vote, phase } = detail;
  return (
    <>
      <View className="card ballot__head">
        <Text className="ballot__title">{vote.title}</Text>
        <View className="ballot__tags">
          <Tag type="primary" plain>
            {VOTE_KIND_LABELS[vote.content.kind]}
          </Tag>
          <Tag type={phase === 'open' ? 'success' : 'default'}>{VOTE_PHASE_LABELS[phase]}</Tag>
          <Tag type="default" plain>
            {secrecyText(vote.secret)}
          </Tag>
        </View>
        <Text className={`ballot__secrecy${vote.secret ? ' ballot__secrecy--secret' : ''}`}>{vote.secret ? SECRET_NOTE : NAMED_NOTE}</Text>
        {vote.description && (
          <Text className="ballot__description" userSelect>
            {vote.description}
          </Text>
        )}
      </View>
      <Cell.Group>
        <Cell title="开始时间" extra={formatShortDateTime(vote.opensAt)} />
        <Cell title="截止时间" extra={formatShortDateTime(vote.closesAt)} />
        <Cell title="投票范围" extra={audienceText(vote.electorate)} />
        <Cell title="结果公布" extra={RESULT_VISIBILITY_LABELS[vote.resultVisibility]} />
        {!vote.secret && <Cell title="修改选票" extra={vote.allowChange ? '截止前可以修改' : '投票后不能修改'} />}
        {phase !== 'draft' && <Cell title="已投票" extra={`${vote.turnout} 人`} />}
      </Cell.Group>
    </>
  );
}
VoteFacts.displayName = 'VoteFacts';
