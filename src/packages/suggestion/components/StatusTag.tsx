import { Tag } from '@nutui/nutui-react-taro';
import { SUGGESTION_STATUS_LABELS } from '../../../../types/labels';
import type { SuggestionStatus } from '../../../../types/suggestion';
import { STATUS_TONES } from '../lib/format';

/** 已收到，待答复 / 已答复 / 待人工审核 / 未通过审核 */
export function StatusTag({ status }: { status: SuggestionStatus }) {
  return (
    <Tag type={STATUS_TONES[status]} plain={status !== 'replied'}>
      {SUGGESTION_STATUS_LABELS[status]}
    </Tag>
  );
}
StatusTag.displayName = 'StatusTag';
