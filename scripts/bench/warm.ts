import type { LocalCloud } from '../../localcloud';

/**
 * Starts every instance of a function before a timed run, so the figures are for warm instances
 * (as under steady load in the cloud), not for processes starting: `instances` calls at once, twice.
 */
export async function warmUp(cloud: LocalCloud, fn: string, event: object, instances: number, openid: string): Promise<void> {
  for (let round = 0; round < 2; round++) {
    await Promise.all(Array.from({ length: instances }, () => cloud.call(fn, event, { openid })));
  }
}
