import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { RATING_LABELS, RATINGS } from '../../../../types/labels';
import type { Rating } from '../../../../types/proposal';
import { InlineMessage } from '../../../components/InlineMessage';
import { call } from '../../../gateway/cloud';
import type { ActionProps } from './ProposerActions';
import { confirmed, useProposalCall } from './useProposalCall';

export const UNSATISFIED_NOTE = '选择「不满意」，提案会退回承办部门重新办理，再答复一轮。';

/** The proposer's or a co-signer's rating of this round's reply: 满意 / 基本满意 / 不满意, once. */
export function RatePanel({ detail, onChange }: ActionProps) {
  const { proposal } = detail;
  const { busy, problem, run } = useProposalCall(onChange);

  const rate = async (rating: Rating) => {
    const consequence = rating === 'unsatisfied' ? UNSATISFIED_NOTE : '大家都评价完、且没有人不满意时，提案办结。';
    if (!(await confirmed('评价答复', `你的评价：${RATING_LABELS[rating]}。提交后不能修改。${consequence}`, '提交评价'))) return;
    await run(() => call('proposal.rate', { proposalId: proposal._id, rating }, { silent: true }), '评价已提交', '评价没有提交成功，请稍后再试');
  };

  return (
    <View className="card proposal-detail__actions">
      <Text className="proposal-detail__lead">评价第 {proposal.round} 轮答复</Text>
      <Text className="proposal-detail__hint">请读完答复后评价。{UNSATISFIED_NOTE}</Text>
      <View className="proposal-detail__buttons">
        {RATINGS.map((rating) => (
          <Button key={rating} size="small" type={rating === 'unsatisfied' ? 'danger' : 'primary'} fill={rating === 'satisfied' ? 'solid' : 'outline'} disabled={busy} onClick={() => void rate(rating)}>
            {RATING_LABELS[rating]}
          </Button>
        ))}
      </View>
      <InlineMessage text={problem} />
    </View>
  );
}
RatePanel.displayName = 'RatePanel';
