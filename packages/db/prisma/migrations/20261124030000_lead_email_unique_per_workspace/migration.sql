-- DropIndex
DROP INDEX "Lead_clientId_email_idx";

-- CreateIndex
CREATE UNIQUE INDEX "Lead_clientId_email_key" ON "Lead"("clientId", "email");

