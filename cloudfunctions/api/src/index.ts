import { handlers } from './actions';
import { cloud } from './lib/cloud';
import { ensureCollections } from './lib/collections';
import { dispatch } from './lib/dispatch';
import { memberIdMasking } from './lib/member-id-masking';
import { findMemberByOpenid } from './lib/members-repo';

const masking = memberIdMasking();

/** The request function: every action of the app arrives here as `{action, input}`. */
export async function main(event: unknown) {
  const { OPENID } = cloud.getWXContext();
  await ensureCollections();
  return dispatch(event, typeof OPENID === 'string' ? OPENID : '', { handlers, findMemberByOpenid, masking });
}
