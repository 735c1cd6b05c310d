import Taro from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { ACTIVITY_CHANGED } from './activity-routes';

/** Tells open pages (the list, the detail, 我的报名) that an activity or a sign-up changed. */
export const notifyActivityChanged = (): void => {
  Taro.eventCenter.trigger(ACTIVITY_CHANGED);
};

/** Runs `onChange` whenever another page changed an activity or a sign-up. */
export function useActivityChanged(onChange: () => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    const listener = () => latest.current();
    Taro.eventCenter.on(ACTIVITY_CHANGED, listener);
    return () => {
      Taro.eventCenter.off(ACTIVITY_CHANGED, listener);
    };
  }, []);
}
