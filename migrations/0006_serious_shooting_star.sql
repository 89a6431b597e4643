CREATE TABLE `source_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` integer NOT NULL,
	`requested_url` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`error` text,
	`final_url` text,
	`http_status` integer,
	`content_type` text,
	`title` text,
	`text` text,
	`sha256` text,
	`content` blob,
	`content_length` integer,
	`change` text,
	`fetched_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `source_snapshots_source_idx` ON `source_snapshots` (`source_id`,`id`);--> statement-breakpoint
CREATE INDEX `source_snapshots_status_idx` ON `source_snapshots` (`status`,`source_id`);