/**
 * Sending suggestions as the app does: the send page first asks for the day's tickets, then every
 * send spends one. A wallet per member and day, like the ticket store on a phone.
 */
import { freshTickets } from '../../support/tickets';
import { expectOk, type TestCloud } from './harness';

export { freshTickets, randomTicket } from '../../support/tickets';

const dayOf = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

export function wallets(t: TestCloud) {
  const held = new Map<string, string[]>();
  return {
    /** Opens the send page: today's tickets are granted (once a day) and kept. */
    async open(openid: string): Promise<string[]> {
      const key = `${openid}|${dayOf(t.cloud.clock.now())}`;
      if (!held.has(key)) {
        const tickets = freshTickets();
        const answer = expectOk(await t.act(openid, 'suggestion.tickets', { tickets }));
        held.set(key, answer.granted ? tickets : []);
      }
      return held.get(key)!;
    },
    /** Takes one of today's tickets out of the member's wallet (opening the page first if needed). */
    async take(openid: string): Promise<string> {
      const tickets = await this.open(openid);
      const ticket = tickets.shift();
      if (!ticket) throw new Error(`no ticket left for ${openid} today`);
      return ticket;
    },
  };
}
