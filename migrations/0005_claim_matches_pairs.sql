PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_claim_matches` (
	`claim_id` integer NOT NULL,
	`matched_claim_id` integer NOT NULL,
	`similarity` real NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`claim_id`, `matched_claim_id`),
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`matched_claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
-- Pairs were stored both ways; keep one row per pair, the lower claim id first.
INSERT INTO `__new_claim_matches`("claim_id", "matched_claim_id", "similarity", "created_at") SELECT min("claim_id", "matched_claim_id"), max("claim_id", "matched_claim_id"), max("similarity"), min("created_at") FROM `claim_matches` WHERE "claim_id" != "matched_claim_id" GROUP BY 1, 2;--> statement-breakpoint
DROP TABLE `claim_matches`;--> statement-breakpoint
ALTER TABLE `__new_claim_matches` RENAME TO `claim_matches`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `claim_matches_matched_idx` ON `claim_matches` (`matched_claim_id`);