-- CreateEnum
CREATE TYPE "CalendlyAuthMethod" AS ENUM ('PERSONAL_TOKEN', 'OAUTH');

-- CreateEnum
CREATE TYPE "CalendlySubscriptionScope" AS ENUM ('user', 'organization');

-- CreateEnum
CREATE TYPE "IntegrationEventKind" AS ENUM ('CONNECTED', 'DISCONNECTED', 'SUBSCRIPTION_CREATED', 'SUBSCRIPTION_REPAIRED', 'SUBSCRIPTION_REMOVED', 'RECONCILED', 'TOKEN_REFRESHED', 'RECONNECT_NEEDED', 'HEALTH_CHECK_FAILED');

-- AlterEnum
ALTER TYPE "CalendlyConnectionStatus" ADD VALUE 'RECONNECT_NEEDED';

-- DropIndex
DROP INDEX "Lead_clientId_appointmentStatus_createdAt_idx";

-- DropIndex
DROP INDEX "WebhookEvent_clientId_receivedAt_idx";

-- DropIndex
DROP INDEX "WebhookEvent_status_receivedAt_idx";

-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "calendlyAccessTokenExpiresAt" TIMESTAMP(3),
ADD COLUMN     "calendlyAuthMethod" "CalendlyAuthMethod",
ADD COLUMN     "calendlyMissingScopes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "calendlyOrganizationRole" TEXT,
ADD COLUMN     "calendlyRefreshTokenEnc" TEXT,
ADD COLUMN     "calendlySubscriptionScope" "CalendlySubscriptionScope" NOT NULL DEFAULT 'user',
ADD COLUMN     "calendlyTokenScopes" TEXT;

-- AlterTable
ALTER TABLE "Lead" ADD COLUMN     "appointmentAnswers" JSONB,
ADD COLUMN     "appointmentCancelUrl" TEXT,
ADD COLUMN     "appointmentCancelerType" TEXT,
ADD COLUMN     "appointmentEventName" TEXT,
ADD COLUMN     "appointmentHostEmail" TEXT,
ADD COLUMN     "appointmentHostName" TEXT,
ADD COLUMN     "appointmentHostUri" TEXT,
ADD COLUMN     "appointmentJoinUrl" TEXT,
ADD COLUMN     "appointmentLocation" TEXT,
ADD COLUMN     "appointmentLocationType" TEXT,
ADD COLUMN     "appointmentRescheduleUrl" TEXT,
ADD COLUMN     "appointmentTextReminderNumber" TEXT,
ADD COLUMN     "appointmentTimezone" TEXT,
ADD COLUMN     "calendlyNoShowUri" TEXT,
ADD COLUMN     "singleUseLinkCreatedAt" TIMESTAMP(3),
ADD COLUMN     "singleUseLinkEventTypeUri" TEXT,
ADD COLUMN     "singleUseLinkUrl" TEXT,
ADD COLUMN     "utmCampaign" TEXT,
ADD COLUMN     "utmContent" TEXT,
ADD COLUMN     "utmMedium" TEXT,
ADD COLUMN     "utmSource" TEXT,
ADD COLUMN     "utmTerm" TEXT;

-- AlterTable
ALTER TABLE "WebhookEvent" ADD COLUMN     "changes" JSONB;

-- AlterTable
ALTER TABLE "WorkspaceSettings" ADD COLUMN     "bookingMessageTemplate" TEXT;

-- CreateTable
CREATE TABLE "IntegrationEvent" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" "IntegrationEventKind" NOT NULL,
    "actor" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "recovered" INTEGER,
    "error" TEXT,

    CONSTRAINT "IntegrationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "MemberRole" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "invitedBy" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "lastSentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendlyOAuthState" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "userEmail" TEXT NOT NULL,
    "codeVerifierEnc" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CalendlyOAuthState_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IntegrationEvent_clientId_at_id_idx" ON "IntegrationEvent"("clientId", "at", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_clientId_createdAt_idx" ON "Invitation"("clientId", "createdAt");

-- CreateIndex
CREATE INDEX "Invitation_email_idx" ON "Invitation"("email");

-- CreateIndex
CREATE INDEX "CalendlyOAuthState_expiresAt_idx" ON "CalendlyOAuthState"("expiresAt");

-- CreateIndex
CREATE INDEX "Lead_clientId_createdAt_id_idx" ON "Lead"("clientId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Lead_clientId_appointmentStatus_createdAt_id_idx" ON "Lead"("clientId", "appointmentStatus", "createdAt", "id");

-- CreateIndex
CREATE INDEX "WebhookEvent_clientId_receivedAt_id_idx" ON "WebhookEvent"("clientId", "receivedAt", "id");

-- CreateIndex
CREATE INDEX "WebhookEvent_status_receivedAt_id_idx" ON "WebhookEvent"("status", "receivedAt", "id");

-- CreateIndex
CREATE INDEX "WebhookEvent_leadId_receivedAt_id_idx" ON "WebhookEvent"("leadId", "receivedAt", "id");

-- AddForeignKey
ALTER TABLE "IntegrationEvent" ADD CONSTRAINT "IntegrationEvent_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendlyOAuthState" ADD CONSTRAINT "CalendlyOAuthState_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

