import { buildReport, reportFileName, reportWorkbook } from '../domain/proposal-report';
import type { Handler } from '../lib/dispatch';
import { mustGetSession, readProposals } from '../lib/proposals-repo';
import { tempUrlOf, uploadBytes } from '../lib/storage';

async function sessionReport(sessionId: string) {
  const [session, proposals] = await Promise.all([mustGetSession(sessionId), readProposals({ sessionId })]);
  return buildReport(session, proposals);
}

export const proposalReport: Handler<'proposal.report'> = async ({ sessionId }) => sessionReport(sessionId);

/** The report as an .xlsx in cloud storage, with a download URL valid for an hour. */
export const exportProposalReport: Handler<'proposal.exportReport'> = async ({ sessionId }) => {
  const report = await sessionReport(sessionId);
  const fileID = await uploadBytes(`exports/proposals/${sessionId}/${Date.now()}.xlsx`, await reportWorkbook(report));
  return { fileID, tempFileURL: await tempUrlOf(fileID), fileName: reportFileName(report.session.name) };
};
