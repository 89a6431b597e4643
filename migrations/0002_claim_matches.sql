CREATE TABLE `claim_matches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`matched_claim_id` integer NOT NULL,
	`similarity` real NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`matched_claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `claim_matches_pair_unique_idx` ON `claim_matches` (`claim_id`,`matched_claim_id`);--> statement-breakpoint
CREATE INDEX `claim_matches_matched_idx` ON `claim_matches` (`matched_claim_id`);