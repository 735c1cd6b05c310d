import Taro from '@tarojs/taro';
import { useEffect, useRef } from 'react';

/** Where the vote pages live: members' pages in packages/vote, organisers' in packages/vote-admin. */
export const VOTE_PAGES = {
  list: '/packages/vote/list/index',
  detail: (id: string) => `/packages/vote/ballot/index?id=${encodeURIComponent(id)}`,
  create: '/packages/vote-admin/edit/index',
  edit: (id: string) => `/packages/vote-admin/edit/index?id=${encodeURIComponent(id)}`,
  turnout: (id: string) => `/packages/vote-admin/turnout/index?id=${encodeURIComponent(id)}`,
} as const;

const VOTE_CHANGED = 'vote:changed';

/** Tells open vote pages that a vote changed (created, edited, published, closed, cast), so they reload. */
export const notifyVoteChanged = (): void => {
  Taro.eventCenter.trigger(VOTE_CHANGED);
};

/** Runs `onChange` whenever a vote changed on another page. */
export function useVoteChanged(onChange: () => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    const listener = () => latest.current();
    Taro.eventCenter.on(VOTE_CHANGED, listener);
    return () => {
      Taro.eventCenter.off(VOTE_CHANGED, listener);
    };
  }, []);
}
