/**
 * The environment a cloud function instance sees for one invocation (spec §1.3, §3.4 B). The real
 * SDK reads these at call time: TCB_CONTEXT_CNFG points every SDK call at the local server,
 * TENCENTCLOUD_RUNENV=SCF skips the metadata probe and keep-alive, WX_* carry the caller's identity.
 */
export interface InvocationIdentity {
  openid?: string;
  unionid?: string;
  appid: string;
  clientIp?: string;
}

export interface InvocationEnvOptions {
  cloudEnv: string;
  adminUrl: string;
  /** Unique per invocation; comes back on every SDK request as wxCloudApiToken. */
  apiToken: string;
  identity: InvocationIdentity;
  /** getWXContext().SOURCE, e.g. 'wx_client', 'wx_client,scf' or 'wx_trigger'. */
  source: string;
  timer: boolean;
  seqId: string;
}

/**
 * The environment an instance process starts with. Deliberately not the developer's environment:
 * a cloud instance sees nothing of the machine that deployed it.
 */
export function instanceProcessEnv(cloudEnv: string, adminUrl: string, nodePath: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    LANG: 'C.UTF-8',
    // Cloud function instances run in UTC; code that formats local time must not rely on the host's zone.
    TZ: 'UTC',
    // Lets function bundles outside the repository still resolve wx-server-sdk from its node_modules.
    NODE_PATH: nodePath,
    ...cloudEnvVars(cloudEnv, adminUrl),
  };
}

/** The SCF variables that do not depend on the caller. */
function cloudEnvVars(cloudEnv: string, adminUrl: string): Record<string, string> {
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: adminUrl }),
    TENCENTCLOUD_SECRETID: 'local-cloud-secret-id',
    TENCENTCLOUD_SECRETKEY: 'local-cloud-secret-key',
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    SCF_NAMESPACE: cloudEnv,
    TCB_ENV: cloudEnv,
    SILENCE: 'true',
  };
}

export function invocationEnv(o: InvocationEnvOptions): Record<string, string> {
  const wx: Record<string, string> = {};
  if (o.identity.openid) wx.WX_OPENID = o.identity.openid;
  wx.WX_APPID = o.identity.appid;
  if (o.identity.unionid) wx.WX_UNIONID = o.identity.unionid;
  if (o.identity.clientIp) wx.WX_CLIENTIP = o.identity.clientIp;
  // Timer invocations carry their token in WX_TRIGGER_API_TOKEN_V0, which node-sdk prefers when TRIGGER_SRC=timer.
  if (o.timer) wx.WX_TRIGGER_API_TOKEN_V0 = o.apiToken;
  else wx.WX_API_TOKEN = o.apiToken;
  return {
    ...cloudEnvVars(o.cloudEnv, o.adminUrl),
    TCB_SEQID: o.seqId,
    TRIGGER_SRC: o.timer ? 'timer' : 'tcb',
    TCB_SOURCE: o.source,
    TCB_CONTEXT_KEYS: 'TCB_ENV,TCB_SEQID,TRIGGER_SRC,TCB_SOURCE',
    WX_CONTEXT_KEYS: Object.keys(wx).join(','),
    ...wx,
  };
}
