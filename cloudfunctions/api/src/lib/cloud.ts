import cloud from 'wx-server-sdk';

// The same code runs on WeChat Cloud and on the local cloud: the environment decides where requests go.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

export { cloud };
export const db = cloud.database({ throwOnNotFound: false });
export const _ = db.command;
export type Db = typeof db;
