import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionInput, ActionName, ActionOutput } from '../../types/actions';
import { call, CloudCallError } from '../gateway/cloud';

export interface ActionState<T> {
  data: T | undefined;
  error: CloudCallError | undefined;
  loading: boolean;
  reload: () => Promise<void>;
  setData: (data: T) => void;
}

/** Loads one action's data for a screen: one cloud call, with loading and error states. */
export function useAction<A extends ActionName>(action: A, input: ActionInput<A>): ActionState<ActionOutput<A>> {
  const [data, setData] = useState<ActionOutput<A>>();
  const [error, setError] = useState<CloudCallError>();
  const [loading, setLoading] = useState(true);
  const key = JSON.stringify(input);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setLoading(true);
    setError(undefined);
    try {
      const result = await call(action, JSON.parse(key) as ActionInput<A>, { silent: true });
      if (ticket === latest.current) setData(result);
    } catch (e) {
      if (ticket === latest.current) setError(e instanceof CloudCallError ? e : new CloudCallError('NETWORK', '加载失败'));
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [action, key]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, loading, reload, setData };
}
