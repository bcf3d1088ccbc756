import type { Db } from "@booking/db";
import type { InvitationMailer } from "./mailer.ts";

export type MembersDeps = {
  db: Db;
  now: () => Date;
  /** The web app's origin, for invitation links. */
  appUrl?: string | undefined;
  /** Set where SMTP_URL is configured: invitation links are mailed too. */
  mailer?: InvitationMailer | null | undefined;
};
