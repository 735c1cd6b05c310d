import type { HandlerTable } from '../lib/dispatch';
import { cancelOwnSignup, getActivityDetail, listActivities, myActivities, signUpSelf } from './activity-join';
import {
  cancelActivity, closeActivity, createActivity, listParticipants, publishActivity, removeSignup, signUpFor, updateActivity,
} from './activity-organise';
import { activityCheckinCode, checkIn, checkInMember } from './activity-checkin';
import { exportActivity } from './activity-export';
import { createGroup, listGroups, removeGroup, renameGroup } from './groups';
import { listTeams, registerTeam, respondToTeam, teamCandidates, withdrawTeamHandler } from './team';
import { getMemberRecord, issueMemberBindCode, setRoles, unbindMember } from './member';
import { bindByPhone, bindMe, getMe } from './me';
import { commitRoster, listRoster, previewRoster } from './roster';
import { claimChair } from './setup';
import { getSuggestion, grantSuggestionTickets, mySuggestions, publicSuggestions, replySuggestion, sendSuggestion, setSuggestionPublic, suggestionInbox } from './suggestion';
import { reportSubscription } from './subscription';
import { castVote, getVoteDetail, listVotes } from './vote';
import { listCongressSessions, listDepartmentViews, removeDepartment, saveCongressSession, saveDepartment } from './congress';
import { listHeld, refuseHeld, releaseHeld } from './moderation';
import { homeMonth } from './home';
import { listMessages, readMessage, reminderSummary, subscriptionStatus } from './message';
import { createNotice, getNoticeDetail, listNotices, noticeReaders, publishNotice, remindUnread, removeNotice, updateNotice } from './notice';
import { getPlanOfYear, makeDraftFromItem, previewPlan, savePlan, setPlanItemDate } from './plan';
import {
  createProposal, getProposalDetail, inviteCoSigners, listProposals, respondToProposal, reviseProposal, submitProposal, updateProposal,
} from './proposal';
import { assignProposal, rateProposal, replyToProposal, triageProposal } from './proposal-handling';
import { listDelegates } from './proposal-delegates';
import { exportProposalReport, proposalReport } from './proposal-report';
import { exportVote } from './vote-export';
import { uploadPath } from './file';
import { closeVote, createVote, extendVote, publishVote, removeVote, updateVote, voteTurnout } from './vote-organise';

/** Every action of the map, and the handler that answers it. */
export const handlers: HandlerTable = {
  'me.get': getMe,
  'me.bind': bindMe,
  'me.bindPhone': bindByPhone,
  'setup.claimChair': claimChair,
  'groups.list': listGroups,
  'groups.create': createGroup,
  'groups.rename': renameGroup,
  'groups.remove': removeGroup,
  'roster.list': listRoster,
  'roster.preview': previewRoster,
  'roster.commit': commitRoster,
  'member.get': getMemberRecord,
  'member.setRoles': setRoles,
  'member.unbind': unbindMember,
  'member.issueBindCode': issueMemberBindCode,
  'activity.list': listActivities,
  'activity.mine': myActivities,
  'activity.get': getActivityDetail,
  'activity.signUp': signUpSelf,
  'activity.cancelSignup': cancelOwnSignup,
  'activity.create': createActivity,
  'activity.update': updateActivity,
  'activity.publish': publishActivity,
  'activity.close': closeActivity,
  'activity.cancel': cancelActivity,
  'activity.participants': listParticipants,
  'activity.signUpFor': signUpFor,
  'activity.removeSignup': removeSignup,
  'activity.export': exportActivity,
  'activity.checkinCode': activityCheckinCode,
  'activity.checkIn': checkIn,
  'activity.checkInMember': checkInMember,
  'subscription.report': reportSubscription,
  'team.list': listTeams,
  'team.candidates': teamCandidates,
  'team.register': registerTeam,
  'team.respond': respondToTeam,
  'team.withdraw': withdrawTeamHandler,
  'vote.list': listVotes,
  'vote.get': getVoteDetail,
  'vote.cast': castVote,
  'vote.create': createVote,
  'vote.update': updateVote,
  'vote.publish': publishVote,
  'vote.extend': extendVote,
  'vote.close': closeVote,
  'vote.remove': removeVote,
  'vote.turnout': voteTurnout,
  'vote.export': exportVote,
  'congress.sessions': listCongressSessions,
  'congress.saveSession': saveCongressSession,
  'department.list': listDepartmentViews,
  'department.save': saveDepartment,
  'department.remove': removeDepartment,
  'proposal.list': listProposals,
  'proposal.get': getProposalDetail,
  'proposal.delegates': listDelegates,
  'proposal.create': createProposal,
  'proposal.update': updateProposal,
  'proposal.invite': inviteCoSigners,
  'proposal.revise': reviseProposal,
  'proposal.respond': respondToProposal,
  'proposal.submit': submitProposal,
  'proposal.triage': triageProposal,
  'proposal.assign': assignProposal,
  'proposal.reply': replyToProposal,
  'proposal.rate': rateProposal,
  'proposal.report': proposalReport,
  'proposal.exportReport': exportProposalReport,
  'notice.list': listNotices,
  'notice.get': getNoticeDetail,
  'notice.create': createNotice,
  'notice.update': updateNotice,
  'notice.publish': publishNotice,
  'notice.remove': removeNotice,
  'notice.readers': noticeReaders,
  'notice.remindUnread': remindUnread,
  'plan.preview': previewPlan,
  'plan.save': savePlan,
  'plan.get': getPlanOfYear,
  'plan.setItemDate': setPlanItemDate,
  'plan.makeDraft': makeDraftFromItem,
  'home.month': homeMonth,
  'message.list': listMessages,
  'message.read': readMessage,
  'reminder.summary': reminderSummary,
  'subscription.status': subscriptionStatus,
  'moderation.list': listHeld,
  'moderation.release': releaseHeld,
  'moderation.refuse': refuseHeld,
  'suggestion.tickets': grantSuggestionTickets,
  'suggestion.send': sendSuggestion,
  'suggestion.mine': mySuggestions,
  'suggestion.get': getSuggestion,
  'suggestion.public': publicSuggestions,
  'suggestion.inbox': suggestionInbox,
  'suggestion.reply': replySuggestion,
  'suggestion.setPublic': setSuggestionPublic,
  'file.uploadPath': uploadPath,
};
