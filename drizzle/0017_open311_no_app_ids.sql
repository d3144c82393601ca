ALTER TABLE "open311_requests" DROP COLUMN "device_id";--> statement-breakpoint
ALTER TABLE "open311_requests" DROP COLUMN "account_id";