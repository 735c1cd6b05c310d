import Taro from '@tarojs/taro';
import { useEffect, useRef } from 'react';

/**
 * Where the proposal and suggestion pages live: members' and handlers' pages in packages/proposal
 * and packages/suggestion; the chair's and the committee's tools in packages/proposal-admin.
 */
export const PROPOSAL_PAGES = {
  list: '/packages/proposal/list/index',
  create: (sessionId: string) => `/packages/proposal/edit/index?sessionId=${encodeURIComponent(sessionId)}`,
  edit: (id: string) => `/packages/proposal/edit/index?id=${encodeURIComponent(id)}`,
  detail: (id: string) => `/packages/proposal/detail/index?id=${encodeURIComponent(id)}`,
  sessions: '/packages/proposal-admin/sessions/index',
  departments: '/packages/proposal-admin/departments/index',
  report: (sessionId?: string) => `/packages/proposal-admin/report/index${sessionId ? `?sessionId=${encodeURIComponent(sessionId)}` : ''}`,
  moderation: '/packages/proposal-admin/moderation/index',
} as const;

export const SUGGESTION_PAGES = {
  send: '/packages/suggestion/send/index',
  mine: '/packages/suggestion/mine/index',
  detail: (id: string) => `/packages/suggestion/detail/index?id=${encodeURIComponent(id)}`,
  public: '/packages/suggestion/public/index',
  inbox: '/packages/proposal-admin/inbox/index',
} as const;

const PROPOSAL_CHANGED = 'proposal:changed';

/** Tells open proposal and suggestion pages that something changed, so they reload. */
export const notifyProposalChanged = (): void => {
  Taro.eventCenter.trigger(PROPOSAL_CHANGED);
};

export function useProposalChanged(onChange: () => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    const listener = () => latest.current();
    Taro.eventCenter.on(PROPOSAL_CHANGED, listener);
    return () => {
      Taro.eventCenter.off(PROPOSAL_CHANGED, listener);
    };
  }, []);
}
