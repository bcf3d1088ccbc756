export {
  acceptInvitationAsUser,
  acceptInvitationWithNewAccount,
  getInvitation,
  type InvitationStatus,
  type InvitationView,
} from "./accept.ts";
export type { MembersDeps } from "./deps.ts";
export { createInvitations, deliver, type IssuedInvitation, inviteMember, resendInvitation, revokeInvitation } from "./invite.ts";
export { listMembers, type MemberView, type PendingInvitationView } from "./list.ts";
export { createInvitationMailer, type InvitationMailer } from "./mailer.ts";
export { removeMember } from "./remove.ts";
export { hashInvitationToken, INVITATION_TTL_MS } from "./tokens.ts";
