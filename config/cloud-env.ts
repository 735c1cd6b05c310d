/**
 * The WeChat cloud environment id the mini-program talks to: the one place it comes from. Every build
 * defines it as the constant CLOUD_ENV (see index.ts), so the bundle never reads `process.env` at
 * run time (WeChat has no `process`). Empty means WeChat's default environment for the AppID.
 */
export function cloudEnvForBuild(env: NodeJS.ProcessEnv = process.env): string {
  const id = (env.CLOUD_ENV ?? '').trim();
  // A cloud environment id is letters, digits and dashes (e.g. prod-4g7x2b1c9d0e1f2a).
  if (!/^[A-Za-z0-9_-]{0,64}$/.test(id)) throw new Error(`CLOUD_ENV is not a cloud environment id: "${id}"`);
  return id;
}
