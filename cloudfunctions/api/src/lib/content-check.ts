/**
 * WeChat's content check (security.msgSecCheck, version 2) for text other people will read.
 * 'risky' is refused; when the check itself cannot run (an error, a quota, the network), the
 * caller holds the text for the chair instead of publishing it.
 */
import { cloud } from './cloud';

export type Verdict = 'pass' | 'risky' | 'unchecked';

/** 2: 评论 (comments and posts by a user). */
const SCENE = 2;
/** WeChat checks at most 2500 characters per call. */
const CHUNK = 2500;

async function checkOne(openid: string, content: string): Promise<Verdict> {
  try {
    const answer = (await cloud.openapi.security.msgSecCheck({ openid, scene: SCENE, version: 2, content })) as {
      errCode?: number;
      result?: { suggest?: string };
    };
    if (answer.errCode && answer.errCode !== 0) return 'unchecked';
    const suggest = answer.result?.suggest;
    if (suggest === 'pass') return 'pass';
    // 'review' (needs a person) is held like a failed check; only 'risky' is refused outright.
    return suggest === 'risky' ? 'risky' : 'unchecked';
  } catch (error) {
    console.warn('[api] content check unavailable', (error as { errCode?: number }).errCode ?? (error as Error)?.message);
    return 'unchecked';
  }
}

/** Checks the texts (by the author's openid); the worst verdict wins: risky, then unchecked. */
export async function screenText(openid: string, ...texts: string[]): Promise<Verdict> {
  const whole = texts.filter(Boolean).join('\n');
  const chunks: string[] = [];
  for (let i = 0; i < whole.length; i += CHUNK) chunks.push(whole.slice(i, i + CHUNK));
  const verdicts = await Promise.all(chunks.map((chunk) => checkOne(openid, chunk)));
  if (verdicts.includes('risky')) return 'risky';
  return verdicts.includes('unchecked') ? 'unchecked' : 'pass';
}
