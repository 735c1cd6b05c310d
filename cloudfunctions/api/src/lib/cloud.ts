import cloud from 'wx-server-sdk';
import type { CollectionRef } from './db-types';

// The same code runs on WeChat Cloud and on the local cloud: the environment decides where requests go.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

const database = cloud.database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0]);

export { cloud };
export const db = database as unknown as {
  collection(name: string): CollectionRef;
  createCollection(name: string): Promise<unknown>;
  runTransaction(body: (t: never) => Promise<unknown>, retries?: number): Promise<unknown>;
};
export const _ = database.command;
