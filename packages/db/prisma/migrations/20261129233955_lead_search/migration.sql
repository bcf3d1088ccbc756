-- leads.list `search`: the name, its last word, or the email, by prefix, inside one workspace.
-- Prisma's schema describes the columns (their generation expression as a database default) and
-- the plain B-tree indexes. The "C" collation is what lets a B-tree serve LIKE 'prefix%' (byte
-- order keeps every value with a prefix together), whatever the database's default collation.
-- Equality on email is byte equality under any deterministic collation, so the unique
-- (clientId, email) index and the mapping that relies on it behave as before.

-- AlterTable
ALTER TABLE "Lead" ALTER COLUMN "email" TYPE TEXT COLLATE "C";
ALTER TABLE "Lead" ADD COLUMN "nameSearch" TEXT COLLATE "C" NOT NULL GENERATED ALWAYS AS (lower("name")) STORED;
ALTER TABLE "Lead" ADD COLUMN "lastNameSearch" TEXT COLLATE "C" NOT NULL GENERATED ALWAYS AS (lower(regexp_replace("name", '^.*\s', ''))) STORED;

-- The keyset index carries the searched columns (index-only walks for common prefixes): it
-- replaces Lead(clientId, createdAt, id), whose every use it serves.
-- DropIndex
DROP INDEX "Lead_clientId_createdAt_id_idx";

-- CreateIndex
CREATE INDEX "Lead_clientId_createdAt_id_nameSearch_lastNameSearch_email_idx" ON "Lead"("clientId", "createdAt", "id", "nameSearch", "lastNameSearch", "email");

-- CreateIndex
CREATE INDEX "Lead_clientId_nameSearch_createdAt_id_idx" ON "Lead"("clientId", "nameSearch", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Lead_clientId_lastNameSearch_createdAt_id_idx" ON "Lead"("clientId", "lastNameSearch", "createdAt", "id");
