export { acceptInvitationAsUser, acceptInvitationWithNewAccount, getInvitation } from "./accept.ts";
export type { MembersDeps } from "./deps.ts";
export { createInvitations, deliver, inviteMember, resendInvitation, revokeInvitation } from "./invite.ts";
export { listMembers } from "./list.ts";
export { createInvitationMailer, type InvitationMailer } from "./mailer.ts";
export { removeMember } from "./remove.ts";
