-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "calendlyReconcileFrom" TIMESTAMP(3);

