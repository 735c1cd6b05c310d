import Taro from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { ACTIVITY_CHANGED } from './activity-routes';

/** Which screen made a change, so that screen does not reload what it has just updated itself. */
export type ChangeOrigin = 'detail' | 'organiser';

/** Tells open pages (the list, the detail, 我的报名) that an activity or a sign-up changed. */
export const notifyActivityChanged = (origin: ChangeOrigin): void => {
  Taro.eventCenter.trigger(ACTIVITY_CHANGED, origin);
};

/** Runs `onChange` whenever an activity or a sign-up changed, except by `ignore` (the page itself). */
export function useActivityChanged(onChange: () => void, ignore?: ChangeOrigin): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    const listener = (origin?: ChangeOrigin) => {
      if (!ignore || origin !== ignore) latest.current();
    };
    Taro.eventCenter.on(ACTIVITY_CHANGED, listener);
    return () => {
      Taro.eventCenter.off(ACTIVITY_CHANGED, listener);
    };
  }, [ignore]);
}
