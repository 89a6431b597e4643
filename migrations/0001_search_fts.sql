-- Full-text indexes over claims, articles and sources (external content tables kept in sync by triggers).
CREATE VIRTUAL TABLE `claims_fts` USING fts5(`text`, `quote_exact`, content='claims', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `claims_fts_ai` AFTER INSERT ON `claims` BEGIN
  INSERT INTO `claims_fts`(rowid, `text`, `quote_exact`) VALUES (new.`id`, new.`text`, new.`quote_exact`);
END;
--> statement-breakpoint
CREATE TRIGGER `claims_fts_ad` AFTER DELETE ON `claims` BEGIN
  INSERT INTO `claims_fts`(`claims_fts`, rowid, `text`, `quote_exact`) VALUES ('delete', old.`id`, old.`text`, old.`quote_exact`);
END;
--> statement-breakpoint
CREATE TRIGGER `claims_fts_au` AFTER UPDATE OF `text`, `quote_exact` ON `claims` BEGIN
  INSERT INTO `claims_fts`(`claims_fts`, rowid, `text`, `quote_exact`) VALUES ('delete', old.`id`, old.`text`, old.`quote_exact`);
  INSERT INTO `claims_fts`(rowid, `text`, `quote_exact`) VALUES (new.`id`, new.`text`, new.`quote_exact`);
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `articles_fts` USING fts5(`title`, `body`, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `articles_fts_ai` AFTER INSERT ON `articles` BEGIN
  INSERT INTO `articles_fts`(rowid, `title`, `body`) VALUES (new.`id`, new.`title`, new.`body`);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_ad` AFTER DELETE ON `articles` BEGIN
  INSERT INTO `articles_fts`(`articles_fts`, rowid, `title`, `body`) VALUES ('delete', old.`id`, old.`title`, old.`body`);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_au` AFTER UPDATE OF `title`, `body` ON `articles` BEGIN
  INSERT INTO `articles_fts`(`articles_fts`, rowid, `title`, `body`) VALUES ('delete', old.`id`, old.`title`, old.`body`);
  INSERT INTO `articles_fts`(rowid, `title`, `body`) VALUES (new.`id`, new.`title`, new.`body`);
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `sources_fts` USING fts5(`title`, `url`, `publisher`, `notes`, content='sources', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `sources_fts_ai` AFTER INSERT ON `sources` BEGIN
  INSERT INTO `sources_fts`(rowid, `title`, `url`, `publisher`, `notes`) VALUES (new.`id`, new.`title`, new.`url`, new.`publisher`, new.`notes`);
END;
--> statement-breakpoint
CREATE TRIGGER `sources_fts_ad` AFTER DELETE ON `sources` BEGIN
  INSERT INTO `sources_fts`(`sources_fts`, rowid, `title`, `url`, `publisher`, `notes`) VALUES ('delete', old.`id`, old.`title`, old.`url`, old.`publisher`, old.`notes`);
END;
--> statement-breakpoint
CREATE TRIGGER `sources_fts_au` AFTER UPDATE OF `title`, `url`, `publisher`, `notes` ON `sources` BEGIN
  INSERT INTO `sources_fts`(`sources_fts`, rowid, `title`, `url`, `publisher`, `notes`) VALUES ('delete', old.`id`, old.`title`, old.`url`, old.`publisher`, old.`notes`);
  INSERT INTO `sources_fts`(rowid, `title`, `url`, `publisher`, `notes`) VALUES (new.`id`, new.`title`, new.`url`, new.`publisher`, new.`notes`);
END;
--> statement-breakpoint
-- Claim events are append-only.
CREATE TRIGGER `claim_events_no_update` BEFORE UPDATE OF `claim_id`, `kind`, `from_value`, `to_value`, `note`, `created_at` ON `claim_events` BEGIN
  SELECT RAISE(ABORT, 'claim_events is append-only');
END;
