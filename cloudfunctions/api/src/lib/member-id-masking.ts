import { ACTIONS, type ActionName } from '../../../../types/actions';
import { mapStrings, stringsIn } from '../domain/map-strings';
import { isUnreservedId } from '../../../../types/fields';
import type { Caller } from './caller';
import { PUBLIC_ID_LENGTH } from '../domain/member-ids';
import { existingMemberIdDecoder, memberIdCodec, staffNosAmong } from './member-ids';

const looksPublic = (text: string): boolean => text.length === PUBLIC_ID_LENGTH;

/**
 * Plain members never receive another member's 工号 (issue 12): in the answer of every action open
 * to them (unless they may read the roster anyway: the chair and committee), each string that is another member's 工号 (a value or a key, e.g. coSigners) becomes that
 * member's public id. Pages send public ids back; every action's input turns them into 工号 again.
 * The caller's own 工号 stays as it is, so pages still know their own rows.
 */
export interface MemberIdMasking {
  unmaskInput(action: ActionName, input: unknown, caller: Caller): Promise<unknown>;
  maskOutput(action: ActionName, output: unknown, caller: Caller): Promise<unknown>;
}

/**
 * Actions that take other members by public id only: a 工号 typed in is treated as nobody, so the
 * answer is the same whether or not someone holds it (team.register used to name them).
 */
const PUBLIC_IDS_ONLY: ReadonlySet<ActionName> = new Set(['team.register', 'proposal.invite']);
/** Not a 工号 anyone can hold (StaffNo allows it, the roster never has it). */
const NOBODY = '_';

/** Those who may read the roster (its 工号 included) see 工号 everywhere; everyone else is a plain member here. */
function readsRoster(caller: Caller): boolean {
  const access = ACTIONS['roster.list'].access;
  return Array.isArray(access) && access.some((role) => caller.member?.roles.includes(role));
}

export function memberIdMasking(): MemberIdMasking {
  return {
    async unmaskInput(action, input, caller) {
      // Most input holds no public id: then nothing is read (and a refused request writes nothing).
      const texts = [...stringsIn(input)];
      const fromPublic = texts.some(looksPublic) ? await existingMemberIdDecoder() : () => null;
      const decoded = new Set<string>();
      const own = caller.member?._id;
      let unmasked = mapStrings(input, (text) => {
        const staffNo = looksPublic(text) ? fromPublic(text) : null;
        if (staffNo === null) return text;
        decoded.add(staffNo);
        return staffNo;
      });
      if (PUBLIC_IDS_ONLY.has(action)) {
        // A reserved name (constructor, …) is left for validation to refuse with ID_RESERVED.
        const typed = texts.filter((text) => text !== own && !decoded.has(text) && isUnreservedId(text));
        const held = await staffNosAmong(typed);
        if (held.size) unmasked = mapStrings(unmasked, (text) => (held.has(text) && !decoded.has(text) ? NOBODY : text));
      }
      return unmasked;
    },

    async maskOutput(action, output, caller) {
      if (ACTIONS[action].access !== 'member' || readsRoster(caller)) return output;
      const own = caller.member?._id;
      const others = await staffNosAmong([...stringsIn(output)].filter((text) => text !== own));
      if (!others.size) return output;
      const codec = await memberIdCodec();
      return mapStrings(output, (text) => (others.has(text) ? codec.toPublic(text) : text));
    },
  };
}
