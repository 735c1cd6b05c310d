import Taro from '@tarojs/taro';
import { useEffect, useRef } from 'react';

const ROSTER_CHANGED = 'admin:roster-changed';

/** Tells an open roster page that members changed (roles, binding, an import, a renamed group). */
export const notifyRosterChanged = (): void => {
  Taro.eventCenter.trigger(ROSTER_CHANGED);
};

/** Runs `onChange` whenever another page changed the roster, so a list never shows stale data. */
export function useRosterChanged(onChange: () => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    const listener = () => latest.current();
    Taro.eventCenter.on(ROSTER_CHANGED, listener);
    return () => {
      Taro.eventCenter.off(ROSTER_CHANGED, listener);
    };
  }, []);
}
