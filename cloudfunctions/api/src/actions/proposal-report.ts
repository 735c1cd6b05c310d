import { buildReport, reportFileName, reportWorkbook } from '../domain/proposal-report';
import type { Handler } from '../lib/dispatch';
import { mustGetSession, readProposals } from '../lib/proposals-repo';
import { storeExport } from '../lib/storage';

async function sessionReport(sessionId: string) {
  const [session, proposals] = await Promise.all([mustGetSession(sessionId), readProposals({ sessionId })]);
  return buildReport(session, proposals);
}

export const proposalReport: Handler<'proposal.report'> = async ({ sessionId }) => sessionReport(sessionId);

/** The report as an .xlsx in cloud storage, with a download URL valid for minutes. */
export const exportProposalReport: Handler<'proposal.exportReport'> = async ({ sessionId }) => {
  const report = await sessionReport(sessionId);
  return storeExport('proposal-report', await reportWorkbook(report), reportFileName(report.session.name));
};
