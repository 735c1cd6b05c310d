import type { HandlerTable } from '../lib/dispatch';
import { cancelOwnSignup, getActivityDetail, listActivities, myActivities, signUpSelf } from './activity-join';
import {
  cancelActivity, closeActivity, createActivity, listParticipants, publishActivity, removeSignup, signUpFor, updateActivity,
} from './activity-organise';
import { activityCheckinCode, checkIn, checkInMember } from './activity-checkin';
import { exportActivity } from './activity-export';
import { createGroup, listGroups, removeGroup, renameGroup } from './groups';
import { listTeams, registerTeam, respondToTeam, withdrawTeamHandler } from './team';
import { getMemberRecord, setRoles, unbindMember } from './member';
import { bindMe, getMe } from './me';
import { commitRoster, listRoster, previewRoster } from './roster';
import { claimChair } from './setup';
import { reportSubscription } from './subscription';
import { castVote, getVoteDetail, listVotes } from './vote';
import { exportVote } from './vote-export';
import { closeVote, createVote, extendVote, publishVote, removeVote, updateVote, voteTurnout } from './vote-organise';

/** Every action of the map, and the handler that answers it. */
export const handlers: HandlerTable = {
  'me.get': getMe,
  'me.bind': bindMe,
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
};
