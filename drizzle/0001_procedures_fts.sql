-- Full-text index over the folded search columns of procedures (drizzle-kit cannot express FTS5).
-- The columns hold text folded by shared/src/text/fold.ts (marks stripped, đ→d), because
-- unicode61's remove_diacritics never folds đ. Triggers keep the external-content index in sync.
CREATE VIRTUAL TABLE `procedures_fts` USING fts5(
	`search_name`, `search_aliases`, `search_body`,
	content='procedures', content_rowid='id',
	tokenize='unicode61', prefix='1 2 3'
);
--> statement-breakpoint
CREATE TRIGGER `procedures_fts_ai` AFTER INSERT ON `procedures` BEGIN
	INSERT INTO `procedures_fts`(rowid, `search_name`, `search_aliases`, `search_body`)
	VALUES (new.`id`, new.`search_name`, new.`search_aliases`, new.`search_body`);
END;
--> statement-breakpoint
CREATE TRIGGER `procedures_fts_ad` AFTER DELETE ON `procedures` BEGIN
	INSERT INTO `procedures_fts`(`procedures_fts`, rowid, `search_name`, `search_aliases`, `search_body`)
	VALUES ('delete', old.`id`, old.`search_name`, old.`search_aliases`, old.`search_body`);
END;
--> statement-breakpoint
CREATE TRIGGER `procedures_fts_au` AFTER UPDATE OF `search_name`, `search_aliases`, `search_body` ON `procedures` BEGIN
	INSERT INTO `procedures_fts`(`procedures_fts`, rowid, `search_name`, `search_aliases`, `search_body`)
	VALUES ('delete', old.`id`, old.`search_name`, old.`search_aliases`, old.`search_body`);
	INSERT INTO `procedures_fts`(rowid, `search_name`, `search_aliases`, `search_body`)
	VALUES (new.`id`, new.`search_name`, new.`search_aliases`, new.`search_body`);
END;
