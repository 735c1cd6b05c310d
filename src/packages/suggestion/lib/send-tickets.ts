/**
 * The send tickets this phone holds for today (types/suggestion.ts SuggestionTicketsInput): every
 * suggestion, named or anonymous, spends one. The send page asks the cloud to grant a fresh set
 * when it opens; the cloud grants one set per member per day and answers which day it is, so the
 * phone never works out the day or the limit itself.
 *
 * Kept under one storage key: the granted tickets with their day, and the set being asked for
 * (kept before asking, so that a lost answer is asked again with the same tickets, which the
 * cloud then grants again rather than refusing as a second set).
 */
import type { SuggestionTickets } from '../../../../types/suggestion';
import { isOwnerToken, storageSlot, type KeyValueStorage } from './owner-tokens';

export const SEND_TICKETS_KEY = 'suggestion.sendTickets';

export interface HeldTickets {
  day: string | null;
  tickets: string[];
  asking: string[] | null;
}

const EMPTY: HeldTickets = { day: null, tickets: [], asking: null };

const tokens = (raw: unknown): string[] => (Array.isArray(raw) ? raw.filter(isOwnerToken) : []);

/** What storage held, made safe. */
export function parseHeld(raw: unknown): HeldTickets {
  if (typeof raw !== 'object' || raw === null) return EMPTY;
  const { day, tickets, asking } = raw as Record<string, unknown>;
  return { day: typeof day === 'string' ? day : null, tickets: tokens(tickets), asking: Array.isArray(asking) ? tokens(asking) : null };
}

/** After the cloud's answer: the asked set if granted; else today's tickets still held, or none from an earlier day. */
export function afterAnswer(held: HeldTickets, asked: string[], answer: SuggestionTickets): HeldTickets {
  if (answer.granted) return { day: answer.day, tickets: asked, asking: null };
  return { day: answer.day, tickets: held.day === answer.day ? held.tickets : [], asking: null };
}

export interface TicketStore {
  held(): HeldTickets;
  /** The set to ask the cloud for: the one asked before without an answer, or a new one (kept first). */
  toAsk(make: () => Promise<string[]>): Promise<string[]>;
  answered(asked: string[], answer: SuggestionTickets): void;
  /** Takes a ticket out for one send; undefined when none is left. */
  take(): string | undefined;
  /** Puts back a ticket the cloud did not spend. */
  giveBack(ticket: string): void;
}

export function createTicketStore(storage: KeyValueStorage, key: string = SEND_TICKETS_KEY): TicketStore {
  const { read: held, write: save } = storageSlot(storage, key, parseHeld);
  return {
    held,
    async toAsk(make) {
      const { asking } = held();
      if (asking?.length) return asking;
      const fresh = await make();
      save({ ...held(), asking: fresh });
      return fresh;
    },
    answered: (asked, answer) => void save(afterAnswer(held(), asked, answer)),
    take() {
      const now = held();
      const [ticket, ...rest] = now.tickets;
      if (ticket && !save({ ...now, tickets: rest })) return undefined;
      return ticket;
    },
    giveBack(ticket) {
      const now = held();
      if (!now.tickets.includes(ticket)) save({ ...now, tickets: [ticket, ...now.tickets] });
    },
  };
}
