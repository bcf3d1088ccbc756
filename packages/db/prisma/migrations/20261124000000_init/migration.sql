-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "MeetingBookingProvider" AS ENUM ('GHL', 'CALENDLY');

-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('ADMIN', 'SETTER', 'INBOX_MANAGER');

-- CreateEnum
CREATE TYPE "AppointmentStatus" AS ENUM ('NONE', 'BOOKED', 'CANCELED', 'RESCHEDULED', 'NO_SHOW');

-- CreateEnum
CREATE TYPE "LeadSource" AS ENUM ('MANUAL', 'ADMIN_API', 'CALENDLY', 'GHL');

-- CreateEnum
CREATE TYPE "CalendlySubscriptionState" AS ENUM ('active', 'disabled', 'missing');

-- CreateEnum
CREATE TYPE "CalendlyConnectionStatus" AS ENUM ('UNKNOWN', 'CONNECTED', 'ERROR');

-- CreateEnum
CREATE TYPE "WebhookEventStatus" AS ENUM ('RECEIVED', 'PROCESSED', 'IGNORED', 'FAILED');

-- CreateEnum
CREATE TYPE "WebhookEventSource" AS ENUM ('WEBHOOK', 'RECONCILIATION');

-- CreateTable
CREATE TABLE "Client" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "calendlyEnabled" BOOLEAN NOT NULL DEFAULT false,
    "calendlyAccessTokenEnc" TEXT,
    "calendlyAccessTokenLast4" TEXT,
    "calendlyUserUri" TEXT,
    "calendlyUserName" TEXT,
    "calendlyUserEmail" TEXT,
    "calendlyOrganizationUri" TEXT,
    "calendlyConnectionStatus" "CalendlyConnectionStatus" NOT NULL DEFAULT 'UNKNOWN',
    "calendlyConnectionCheckedAt" TIMESTAMP(3),
    "calendlyLastError" TEXT,
    "calendlyWebhookSubscriptionUri" TEXT,
    "calendlyWebhookSigningKeyEnc" TEXT,
    "calendlyWebhookState" "CalendlySubscriptionState" NOT NULL DEFAULT 'missing',
    "calendlyWebhookRetryStartedAt" TIMESTAMP(3),
    "calendlyWebhookCheckedAt" TIMESTAMP(3),
    "calendlyLastWebhookAt" TIMESTAMP(3),

    CONSTRAINT "Client_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkspaceSettings" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "meetingBookingProvider" "MeetingBookingProvider" NOT NULL DEFAULT 'GHL',
    "calendlyEventTypeLink" TEXT,
    "calendlyEventTypeUri" TEXT,
    "calendlyEventTypeName" TEXT,
    "ghlCalendarId" TEXT,
    "ghlBookingLink" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkspaceSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClientMember" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "MemberRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClientMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Lead" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT,
    "source" "LeadSource" NOT NULL DEFAULT 'MANUAL',
    "appointmentStatus" "AppointmentStatus" NOT NULL DEFAULT 'NONE',
    "appointmentStartAt" TIMESTAMP(3),
    "appointmentEndAt" TIMESTAMP(3),
    "appointmentBookedAt" TIMESTAMP(3),
    "appointmentCanceledAt" TIMESTAMP(3),
    "appointmentCancelReason" TEXT,
    "appointmentCanceledBy" TEXT,
    "calendlyInviteeUri" TEXT,
    "calendlyScheduledEventUri" TEXT,
    "calendlyEventAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Lead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEvent" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "provider" TEXT NOT NULL DEFAULT 'calendly',
    "source" "WebhookEventSource" NOT NULL DEFAULT 'WEBHOOK',
    "eventName" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "inviteeUri" TEXT,
    "eventCreatedAt" TIMESTAMP(3),
    "rawBody" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveryCount" INTEGER NOT NULL DEFAULT 1,
    "status" "WebhookEventStatus" NOT NULL DEFAULT 'RECEIVED',
    "outcome" TEXT,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "processedAt" TIMESTAMP(3),
    "leadId" TEXT,

    CONSTRAINT "WebhookEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "userId" TEXT NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "idToken" TEXT,
    "accessTokenExpiresAt" TIMESTAMP(3),
    "refreshTokenExpiresAt" TIMESTAMP(3),
    "scope" TEXT,
    "password" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "verification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Client_calendlyWebhookSubscriptionUri_key" ON "Client"("calendlyWebhookSubscriptionUri");

-- CreateIndex
CREATE UNIQUE INDEX "WorkspaceSettings_clientId_key" ON "WorkspaceSettings"("clientId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkspaceSettings_calendlyEventTypeUri_key" ON "WorkspaceSettings"("calendlyEventTypeUri");

-- CreateIndex
CREATE INDEX "ClientMember_email_idx" ON "ClientMember"("email");

-- CreateIndex
CREATE UNIQUE INDEX "ClientMember_clientId_email_role_key" ON "ClientMember"("clientId", "email", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Lead_calendlyInviteeUri_key" ON "Lead"("calendlyInviteeUri");

-- CreateIndex
CREATE INDEX "Lead_clientId_email_idx" ON "Lead"("clientId", "email");

-- CreateIndex
CREATE INDEX "Lead_clientId_appointmentStatus_createdAt_idx" ON "Lead"("clientId", "appointmentStatus", "createdAt");

-- CreateIndex
CREATE INDEX "WebhookEvent_clientId_receivedAt_idx" ON "WebhookEvent"("clientId", "receivedAt");

-- CreateIndex
CREATE INDEX "WebhookEvent_status_receivedAt_idx" ON "WebhookEvent"("status", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookEvent_clientId_idempotencyKey_key" ON "WebhookEvent"("clientId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "session_token_key" ON "session"("token");

-- CreateIndex
CREATE INDEX "session_userId_idx" ON "session"("userId");

-- CreateIndex
CREATE INDEX "account_userId_idx" ON "account"("userId");

-- CreateIndex
CREATE INDEX "verification_identifier_idx" ON "verification"("identifier");

-- AddForeignKey
ALTER TABLE "WorkspaceSettings" ADD CONSTRAINT "WorkspaceSettings_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClientMember" ADD CONSTRAINT "ClientMember_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookEvent" ADD CONSTRAINT "WebhookEvent_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookEvent" ADD CONSTRAINT "WebhookEvent_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account" ADD CONSTRAINT "account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

