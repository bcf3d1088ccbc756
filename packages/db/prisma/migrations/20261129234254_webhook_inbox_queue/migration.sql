-- AlterTable
ALTER TABLE "WebhookEvent" ADD COLUMN     "nextAttemptAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "WebhookEvent_clientId_status_receivedAt_id_idx" ON "WebhookEvent"("clientId", "status", "receivedAt", "id");

-- CreateIndex
CREATE INDEX "WebhookEvent_inviteeUri_status_idx" ON "WebhookEvent"("inviteeUri", "status");


-- Wake the inbox workers (LISTEN webhook_inbox) when deliveries are stored. A statement-level
-- trigger: one notification per INSERT statement whatever its number of rows (the webhooks server
-- stores a batch of deliveries per statement), sent at commit, and sent by every way a row gets
-- into the inbox (webhooks server, reconciliation, operators), so no writer can forget it.
-- Notifications are only a wake-up (workers also poll), so a missed one delays and never loses.
-- The function body is an escape string whose semicolons are written \x3b: the migration runner
-- (Prisma's driver adapter) splits a migration on every semicolon character, quoted or not.
CREATE FUNCTION "webhook_inbox_notify"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN PERFORM pg_notify(''webhook_inbox'', '''')\x3b RETURN NULL\x3b END';

CREATE TRIGGER "WebhookEvent_notify_inbox" AFTER INSERT ON "WebhookEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "webhook_inbox_notify"();
