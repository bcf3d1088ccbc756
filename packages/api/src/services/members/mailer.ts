// Sends invitation links by mail (nodemailer) where SMTP_URL is configured.
import type { MemberRole } from "@booking/db";
import { createTransport } from "nodemailer";

type InvitationMail = {
  to: string;
  workspaceName: string;
  role: MemberRole;
  url: string;
  expiresAt: Date;
  invitedBy: string;
};

export type InvitationMailer = { send(mail: InvitationMail): Promise<void> };

const ROLE_LABEL: Record<MemberRole, string> = {
  ADMIN: "admin",
  SETTER: "setter",
  INBOX_MANAGER: "inbox manager",
};

/** `transport` is an SMTP URL (smtp://user:pass@host:587, smtps://…) or nodemailer transport options. */
export function createInvitationMailer(
  transport: string | Parameters<typeof createTransport>[0],
  from: string,
): InvitationMailer {
  // A mail server that does not answer must not hold an admin's request for minutes (nodemailer's defaults).
  const options =
    typeof transport === "string"
      ? { url: transport, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }
      : transport;
  const transporter = createTransport(options as Parameters<typeof createTransport>[0]);
  return {
    async send(mail) {
      const role = ROLE_LABEL[mail.role];
      const until = mail.expiresAt.toUTCString();
      await transporter.sendMail({
        from,
        to: mail.to,
        subject: `You are invited to ${mail.workspaceName}`,
        text: [
          `${mail.invitedBy} invited you to join ${mail.workspaceName} as ${role}.`,
          "",
          `Open this link to accept and set your password: ${mail.url}`,
          "",
          `The link works once and expires on ${until}. If you did not expect it, ignore this email.`,
        ].join("\n"),
      });
    },
  };
}
