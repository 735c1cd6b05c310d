import { useDidShow } from '@tarojs/taro';
import { useEffect } from 'react';
import { openBinding } from '../gateway/cloud';
import { useAction } from './useAction';

/**
 * The signed-in member for tab pages. A WeChat user not yet bound to the roster is sent to the
 * binding page: unbound users see only that page.
 */
export function useMe() {
  const state = useAction('me.get', {});
  const me = state.data;
  useEffect(() => {
    if (me && !me.bound) openBinding();
  }, [me]);
  useDidShow(() => {
    // Roles may have changed while the page was hidden (the chair edits them).
    if (!state.loading) void state.reload();
  });
  return { ...state, member: me?.bound ? me.member : undefined, groupMemberCount: me?.bound ? me.groupMemberCount : 0 };
}
