/** Send tickets and owner tokens as the app makes them: random, in the app's alphabet. */
import { randomBytes } from 'node:crypto';
import { SUGGESTIONS_PER_DAY } from '../../types/suggestion';

export const randomTicket = (): string => randomBytes(32).toString('base64url');

/** A day's set of send tickets. */
export const freshTickets = (): string[] => Array.from({ length: SUGGESTIONS_PER_DAY }, randomTicket);
