import type { Member, MemberView } from '../../../../types/member';

/** What a client may see of a roster record: everything but the WeChat identity. */
export function toMemberView(member: Member): MemberView {
  const { openid, ...rest } = member;
  return { ...rest, bound: Boolean(openid) };
}
