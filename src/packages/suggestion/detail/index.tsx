import { View, Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { InlineMessage } from '../../../components/InlineMessage';
import { LoadState } from '../../../components/LoadState';
import { useAction } from '../../../hooks/useAction';
import { useProposalChanged } from '../../../lib/proposal-routes';
import { ReplyBlock } from '../components/ReplyBlock';
import { StatusTag } from '../components/StatusTag';
import { deviceTokens } from '../lib/device-tokens';
import { senderText, sentAtText, statusNote } from '../lib/format';
import { tokenFor } from '../lib/owner-tokens';
import '../components/suggestion.scss';
import { RemindMeButton } from '../../../components/RemindMeButton';

/** One suggestion with its status and reply. An anonymous one opens with the token this phone kept for it. */
export default function SuggestionDetailPage() {
  const suggestionId = decodeURIComponent(useRouter()?.params?.id ?? '');
  const [token] = useState(() => tokenFor(deviceTokens.list(), suggestionId));
  const state = useAction('suggestion.get', token ? { suggestionId, token } : { suggestionId });
  useProposalChanged(() => void state.reload());
  const s = state.data;
  const note = s ? statusNote(s) : '';

  return (
    <View className="page suggestion">
      <LoadState loading={state.loading && !s} error={state.error} onRetry={state.reload}>
        {s && (
          <>
            <View className="card suggestion__card">
              <View className="suggestion__row">
                <Text className="suggestion__title">{s.title}</Text>
                <StatusTag status={s.status} />
              </View>
              <View className="suggestion__meta">
                <Text>{s.mine ? (s.anonymous ? '我匿名提交' : '我提交') : `提交人：${senderText(s)}`}</Text>
                <Text>{sentAtText(s)}</Text>
              </View>
              <Text className="suggestion__body">{s.body}</Text>
              {s.fromProposalId && <Text className="suggestion__hint">这条建议由教代会提案转来（转为意见建议）。</Text>}
            </View>
            {note && <InlineMessage text={note} tone={s.status === 'refused' ? 'error' : 'info'} />}
            {s.reply && (
              <View className="card">
                <ReplyBlock reply={s.reply} />
              </View>
            )}
            {s.reply && s.public && <Text className="suggestion__hint">工会主席已公开这条答复，全体会员都能看到（不显示提交人）。</Text>}
            {/* An anonymous suggestion names nobody, so no reminder can reach its sender: they look here. */}
            {s.mine && !s.anonymous && s.status === 'received' && (
              <RemindMeButton template="progressReminder" context={{ kind: 'suggestion', id: s._id }} label="有答复时提醒我" />
            )}
          </>
        )}
      </LoadState>
    </View>
  );
}
