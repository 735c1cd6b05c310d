import Taro from '@tarojs/taro';
import { useEffect, useRef } from 'react';

/** Notices: members read them in packages/notice; authors write them in packages/notice-admin. */
export const NOTICE_PAGES = {
  list: '/packages/notice/list/index',
  detail: (id: string) => `/packages/notice/detail/index?id=${encodeURIComponent(id)}`,
  create: '/packages/notice-admin/edit/index',
  edit: (id: string) => `/packages/notice-admin/edit/index?id=${encodeURIComponent(id)}`,
  readers: (id: string) => `/packages/notice-admin/readers/index?id=${encodeURIComponent(id)}`,
} as const;

/** 消息 and 提醒设置, and the chair's view of how reminders went out. */
export const MESSAGE_PAGES = {
  list: '/packages/message/list/index',
  settings: '/packages/message/settings/index',
  deliveries: '/packages/message/deliveries/index',
} as const;

/** The annual plan: the chair's import (paste or upload, preview, edit, save) and the year's calendar. */
export const PLAN_PAGES = {
  import: '/packages/plan/import/index',
  year: (year?: number) => `/packages/plan/year/index${year ? `?year=${year}` : ''}`,
} as const;

const MONTH_CHANGED = 'month:changed';

/** Tells the home page (and open lists) that a notice, the plan or a message changed, so they reload. */
export const notifyMonthChanged = (): void => {
  Taro.eventCenter.trigger(MONTH_CHANGED);
};

export function useMonthChanged(onChange: () => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    const listener = () => latest.current();
    Taro.eventCenter.on(MONTH_CHANGED, listener);
    return () => {
      Taro.eventCenter.off(MONTH_CHANGED, listener);
    };
  }, []);
}
