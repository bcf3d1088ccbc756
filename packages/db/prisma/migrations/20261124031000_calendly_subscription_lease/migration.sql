-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "calendlySubscriptionLeaseUntil" TIMESTAMP(3);

