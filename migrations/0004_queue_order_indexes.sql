CREATE INDEX `claims_checkworthiness_idx` ON `claims` (`checkworthiness`,`id`);--> statement-breakpoint
CREATE INDEX `claims_updated_idx` ON `claims` (`updated_at`,`id`);