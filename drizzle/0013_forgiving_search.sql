-- Search (issue 14): the i/y spelling variants both accepted after consonants (kí/ký, lí/lý, mĩ/mỹ,
-- sĩ/sỹ, kỉ/kỷ) fold to i in the stored search columns too (shared/src/text/fold.ts,
-- foldSpellingVariant), so the back office's name filter and the FTS5 index (its triggers follow the
-- update) match queries folded the new way. A folded syllable of consonant letters and a final y:
-- the spaces are doubled first so that neighbouring syllables never share one. Resident search reads
-- its in-isolate index, which folds again as it loads, so it needs nothing from this migration.
UPDATE `procedures` SET
  `search_name` = trim(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(' ' || replace(`search_name`, ' ', '  ') || ' ', ' by ', ' bi '), ' cy ', ' ci '), ' dy ', ' di '), ' gy ', ' gi '), ' hy ', ' hi '), ' ky ', ' ki '), ' ly ', ' li '), ' my ', ' mi '), ' ny ', ' ni '), ' py ', ' pi '), ' ry ', ' ri '), ' sy ', ' si '), ' ty ', ' ti '), ' vy ', ' vi '), ' xy ', ' xi '), ' chy ', ' chi '), ' ghy ', ' ghi '), ' khy ', ' khi '), ' nhy ', ' nhi '), ' phy ', ' phi '), ' thy ', ' thi '), ' try ', ' tri '), ' ngy ', ' ngi '), ' nghy ', ' nghi '), '  ', ' ')),
  `search_aliases` = trim(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(' ' || replace(`search_aliases`, ' ', '  ') || ' ', ' by ', ' bi '), ' cy ', ' ci '), ' dy ', ' di '), ' gy ', ' gi '), ' hy ', ' hi '), ' ky ', ' ki '), ' ly ', ' li '), ' my ', ' mi '), ' ny ', ' ni '), ' py ', ' pi '), ' ry ', ' ri '), ' sy ', ' si '), ' ty ', ' ti '), ' vy ', ' vi '), ' xy ', ' xi '), ' chy ', ' chi '), ' ghy ', ' ghi '), ' khy ', ' khi '), ' nhy ', ' nhi '), ' phy ', ' phi '), ' thy ', ' thi '), ' try ', ' tri '), ' ngy ', ' ngi '), ' nghy ', ' nghi '), '  ', ' ')),
  `search_body` = trim(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(' ' || replace(`search_body`, ' ', '  ') || ' ', ' by ', ' bi '), ' cy ', ' ci '), ' dy ', ' di '), ' gy ', ' gi '), ' hy ', ' hi '), ' ky ', ' ki '), ' ly ', ' li '), ' my ', ' mi '), ' ny ', ' ni '), ' py ', ' pi '), ' ry ', ' ri '), ' sy ', ' si '), ' ty ', ' ti '), ' vy ', ' vi '), ' xy ', ' xi '), ' chy ', ' chi '), ' ghy ', ' ghi '), ' khy ', ' khi '), ' nhy ', ' nhi '), ' phy ', ' phi '), ' thy ', ' thi '), ' try ', ' tri '), ' ngy ', ' ngi '), ' nghy ', ' nghi '), '  ', ' '));
--> statement-breakpoint
-- Life events, abolished or renamed papers, the province's own search synonyms, the queries that
-- found nothing, and a stamp that every edit of these bumps, so cached search answers change at once.
CREATE TABLE `life_events` (
	`province_id` text NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`phrases` text DEFAULT '[]' NOT NULL,
	`steps` text DEFAULT '[]' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`hidden` integer DEFAULT false NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	PRIMARY KEY(`province_id`, `slug`),
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `paper_replacements` (
	`province_id` text NOT NULL,
	`slug` text NOT NULL,
	`paper` text NOT NULL,
	`phrases` text DEFAULT '[]' NOT NULL,
	`explanation` text NOT NULL,
	`procedure_code` text,
	`verified` integer DEFAULT false NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	PRIMARY KEY(`province_id`, `slug`),
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `search_synonyms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`province_id` text NOT NULL,
	`keys` text NOT NULL,
	`expansions` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `search_synonyms_province` ON `search_synonyms` (`province_id`,`id`);
--> statement-breakpoint
CREATE TABLE `unmatched_queries` (
	`province_id` text NOT NULL,
	`query` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`first_seen` text NOT NULL,
	`last_seen` text NOT NULL,
	`resolved_at` text,
	PRIMARY KEY(`province_id`, `query`),
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `unmatched_queries_seen` ON `unmatched_queries` (`province_id`,`last_seen`);
--> statement-breakpoint
CREATE TABLE `search_editions` (
	`province_id` text PRIMARY KEY NOT NULL,
	`edition` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- The staff inbox's text search (shared/src/staff/search.ts): one row per searchable term of a
-- dossier, keyed by its handling unit, so a name word, a code prefix or phone digits are a prefix
-- range scan inside the officer's units instead of a LIKE over every dossier in scope. The status
-- and due date ride along so the tab counts of a text filter never read the dossiers table.
-- Triggers keep it fresh on every writer (submission, intake, transfer, a name or form change, the
-- bench's direct inserts). The name fold is sqlFoldSelect() of shared/src/staff/search.ts; a
-- worker test holds the terms made here to nameWords()/codeTerms()/indexedDigits().
CREATE TABLE `dossier_search` (
	`handling_unit_id` text NOT NULL,
	`term` text NOT NULL,
	`dossier_id` text NOT NULL REFERENCES `dossiers`(`id`),
	`status` integer NOT NULL,
	`due_date` text,
	PRIMARY KEY(`handling_unit_id`, `term`, `dossier_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `dossier_search_dossier` ON `dossier_search` (`dossier_id`);
--> statement-breakpoint
CREATE TRIGGER `dossiers_search_insert` AFTER INSERT ON `dossiers` BEGIN
	INSERT INTO `dossier_search` (`handling_unit_id`, `term`, `dossier_id`, `status`, `due_date`)
	SELECT NEW.`handling_unit_id`, t.term, NEW.`id`, NEW.`status`, NEW.`due_date` FROM (
		SELECT 'n:' || w.value AS term
			FROM (SELECT replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(f3, 'ự', 'u'), 'Ự', 'u'), 'ỳ', 'y'), 'Ỳ', 'y'), 'ý', 'y'), 'Ý', 'y'), 'ỷ', 'y'), 'Ỷ', 'y'), 'ỹ', 'y'), 'Ỹ', 'y'), 'ỵ', 'y'), 'Ỵ', 'y'), 'đ', 'd'), 'Đ', 'd'), '̀', ''), '́', ''), '̃', ''), '̉', ''), '̣', ''), '̆', ''), '̂', ''), '̛', ''), ',', ' '), '.', ' '), '-', ' '), '(', ' '), ')', ' ') AS folded FROM (SELECT replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(f2, 'ố', 'o'), 'Ố', 'o'), 'ổ', 'o'), 'Ổ', 'o'), 'ỗ', 'o'), 'Ỗ', 'o'), 'ộ', 'o'), 'Ộ', 'o'), 'ơ', 'o'), 'Ơ', 'o'), 'ờ', 'o'), 'Ờ', 'o'), 'ớ', 'o'), 'Ớ', 'o'), 'ở', 'o'), 'Ở', 'o'), 'ỡ', 'o'), 'Ỡ', 'o'), 'ợ', 'o'), 'Ợ', 'o'), 'ù', 'u'), 'Ù', 'u'), 'ú', 'u'), 'Ú', 'u'), 'ủ', 'u'), 'Ủ', 'u'), 'ũ', 'u'), 'Ũ', 'u'), 'ụ', 'u'), 'Ụ', 'u'), 'ư', 'u'), 'Ư', 'u'), 'ừ', 'u'), 'Ừ', 'u'), 'ứ', 'u'), 'Ứ', 'u'), 'ử', 'u'), 'Ử', 'u'), 'ữ', 'u'), 'Ữ', 'u') AS f3 FROM (SELECT replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(f1, 'ẽ', 'e'), 'Ẽ', 'e'), 'ẹ', 'e'), 'Ẹ', 'e'), 'ê', 'e'), 'Ê', 'e'), 'ề', 'e'), 'Ề', 'e'), 'ế', 'e'), 'Ế', 'e'), 'ể', 'e'), 'Ể', 'e'), 'ễ', 'e'), 'Ễ', 'e'), 'ệ', 'e'), 'Ệ', 'e'), 'ì', 'i'), 'Ì', 'i'), 'í', 'i'), 'Í', 'i'), 'ỉ', 'i'), 'Ỉ', 'i'), 'ĩ', 'i'), 'Ĩ', 'i'), 'ị', 'i'), 'Ị', 'i'), 'ò', 'o'), 'Ò', 'o'), 'ó', 'o'), 'Ó', 'o'), 'ỏ', 'o'), 'Ỏ', 'o'), 'õ', 'o'), 'Õ', 'o'), 'ọ', 'o'), 'Ọ', 'o'), 'ô', 'o'), 'Ô', 'o'), 'ồ', 'o'), 'Ồ', 'o') AS f2 FROM (SELECT replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(f0, 'à', 'a'), 'À', 'a'), 'á', 'a'), 'Á', 'a'), 'ả', 'a'), 'Ả', 'a'), 'ã', 'a'), 'Ã', 'a'), 'ạ', 'a'), 'Ạ', 'a'), 'ă', 'a'), 'Ă', 'a'), 'ằ', 'a'), 'Ằ', 'a'), 'ắ', 'a'), 'Ắ', 'a'), 'ẳ', 'a'), 'Ẳ', 'a'), 'ẵ', 'a'), 'Ẵ', 'a'), 'ặ', 'a'), 'Ặ', 'a'), 'â', 'a'), 'Â', 'a'), 'ầ', 'a'), 'Ầ', 'a'), 'ấ', 'a'), 'Ấ', 'a'), 'ẩ', 'a'), 'Ẩ', 'a'), 'ẫ', 'a'), 'Ẫ', 'a'), 'ậ', 'a'), 'Ậ', 'a'), 'è', 'e'), 'È', 'e'), 'é', 'e'), 'É', 'e'), 'ẻ', 'e'), 'Ẻ', 'e') AS f1 FROM (SELECT lower(replace(replace(replace(NEW.`applicant_name`, char(9), ' '), char(10), ' '), char(13), ' ')) AS f0))))) a,
				json_each('[' || replace(json_quote(a.folded), ' ', '","') || ']') w
			WHERE w.value <> ''
		UNION SELECT 'c:' || upper(replace(replace(NEW.`code`, '.', ''), '-', ''))
		UNION SELECT 'c:' || upper(replace(substr(NEW.`code`, instr(NEW.`code`, '-') + 1), '-', '')) WHERE instr(NEW.`code`, '-') > 0
		UNION SELECT k.prefix || CASE k.prefix WHEN 'p:' THEN n.d ELSE substr(n.d, 20, 1) || substr(n.d, 19, 1) || substr(n.d, 18, 1) || substr(n.d, 17, 1) || substr(n.d, 16, 1) || substr(n.d, 15, 1) || substr(n.d, 14, 1) || substr(n.d, 13, 1) || substr(n.d, 12, 1) || substr(n.d, 11, 1) || substr(n.d, 10, 1) || substr(n.d, 9, 1) || substr(n.d, 8, 1) || substr(n.d, 7, 1) || substr(n.d, 6, 1) || substr(n.d, 5, 1) || substr(n.d, 4, 1) || substr(n.d, 3, 1) || substr(n.d, 2, 1) || substr(n.d, 1, 1) END
			FROM (SELECT CASE WHEN length(s) = 11 AND s GLOB '84*' THEN '0' || substr(s, 3) ELSE s END AS d
				FROM (SELECT replace(replace(replace(replace(replace(replace(v, ' ', ''), '.', ''), '-', ''), '(', ''), ')', ''), '+', '') AS s
					FROM (SELECT f.value AS v FROM json_each(NEW.`form`) f
							WHERE f.type IN ('text', 'integer') AND f.key IN (
								SELECT json_extract(e.value, '$.key') FROM `procedures` p, json_each(p.`eform`, '$.fields') e
								WHERE p.`id` = NEW.`procedure_id` AND json_extract(e.value, '$.type') IN ('phone', 'citizenId'))
						UNION ALL SELECT `phone` FROM `users` WHERE `id` = NEW.`applicant_id` AND `phone` IS NOT NULL))
				WHERE length(s) BETWEEN 4 AND 20 AND s NOT GLOB '*[^0-9]*') n,
				(SELECT 'p:' AS prefix UNION ALL SELECT 'r:') k
	) t;
END;
--> statement-breakpoint
CREATE TRIGGER `dossiers_search_reindex` AFTER UPDATE OF `applicant_name`, `form`, `handling_unit_id`, `code`, `procedure_id`, `applicant_id` ON `dossiers` BEGIN
	DELETE FROM `dossier_search` WHERE `dossier_id` = OLD.`id`;
	INSERT INTO `dossier_search` (`handling_unit_id`, `term`, `dossier_id`, `status`, `due_date`)
	SELECT NEW.`handling_unit_id`, t.term, NEW.`id`, NEW.`status`, NEW.`due_date` FROM (
		SELECT 'n:' || w.value AS term
			FROM (SELECT replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(f3, 'ự', 'u'), 'Ự', 'u'), 'ỳ', 'y'), 'Ỳ', 'y'), 'ý', 'y'), 'Ý', 'y'), 'ỷ', 'y'), 'Ỷ', 'y'), 'ỹ', 'y'), 'Ỹ', 'y'), 'ỵ', 'y'), 'Ỵ', 'y'), 'đ', 'd'), 'Đ', 'd'), '̀', ''), '́', ''), '̃', ''), '̉', ''), '̣', ''), '̆', ''), '̂', ''), '̛', ''), ',', ' '), '.', ' '), '-', ' '), '(', ' '), ')', ' ') AS folded FROM (SELECT replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(f2, 'ố', 'o'), 'Ố', 'o'), 'ổ', 'o'), 'Ổ', 'o'), 'ỗ', 'o'), 'Ỗ', 'o'), 'ộ', 'o'), 'Ộ', 'o'), 'ơ', 'o'), 'Ơ', 'o'), 'ờ', 'o'), 'Ờ', 'o'), 'ớ', 'o'), 'Ớ', 'o'), 'ở', 'o'), 'Ở', 'o'), 'ỡ', 'o'), 'Ỡ', 'o'), 'ợ', 'o'), 'Ợ', 'o'), 'ù', 'u'), 'Ù', 'u'), 'ú', 'u'), 'Ú', 'u'), 'ủ', 'u'), 'Ủ', 'u'), 'ũ', 'u'), 'Ũ', 'u'), 'ụ', 'u'), 'Ụ', 'u'), 'ư', 'u'), 'Ư', 'u'), 'ừ', 'u'), 'Ừ', 'u'), 'ứ', 'u'), 'Ứ', 'u'), 'ử', 'u'), 'Ử', 'u'), 'ữ', 'u'), 'Ữ', 'u') AS f3 FROM (SELECT replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(f1, 'ẽ', 'e'), 'Ẽ', 'e'), 'ẹ', 'e'), 'Ẹ', 'e'), 'ê', 'e'), 'Ê', 'e'), 'ề', 'e'), 'Ề', 'e'), 'ế', 'e'), 'Ế', 'e'), 'ể', 'e'), 'Ể', 'e'), 'ễ', 'e'), 'Ễ', 'e'), 'ệ', 'e'), 'Ệ', 'e'), 'ì', 'i'), 'Ì', 'i'), 'í', 'i'), 'Í', 'i'), 'ỉ', 'i'), 'Ỉ', 'i'), 'ĩ', 'i'), 'Ĩ', 'i'), 'ị', 'i'), 'Ị', 'i'), 'ò', 'o'), 'Ò', 'o'), 'ó', 'o'), 'Ó', 'o'), 'ỏ', 'o'), 'Ỏ', 'o'), 'õ', 'o'), 'Õ', 'o'), 'ọ', 'o'), 'Ọ', 'o'), 'ô', 'o'), 'Ô', 'o'), 'ồ', 'o'), 'Ồ', 'o') AS f2 FROM (SELECT replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(f0, 'à', 'a'), 'À', 'a'), 'á', 'a'), 'Á', 'a'), 'ả', 'a'), 'Ả', 'a'), 'ã', 'a'), 'Ã', 'a'), 'ạ', 'a'), 'Ạ', 'a'), 'ă', 'a'), 'Ă', 'a'), 'ằ', 'a'), 'Ằ', 'a'), 'ắ', 'a'), 'Ắ', 'a'), 'ẳ', 'a'), 'Ẳ', 'a'), 'ẵ', 'a'), 'Ẵ', 'a'), 'ặ', 'a'), 'Ặ', 'a'), 'â', 'a'), 'Â', 'a'), 'ầ', 'a'), 'Ầ', 'a'), 'ấ', 'a'), 'Ấ', 'a'), 'ẩ', 'a'), 'Ẩ', 'a'), 'ẫ', 'a'), 'Ẫ', 'a'), 'ậ', 'a'), 'Ậ', 'a'), 'è', 'e'), 'È', 'e'), 'é', 'e'), 'É', 'e'), 'ẻ', 'e'), 'Ẻ', 'e') AS f1 FROM (SELECT lower(replace(replace(replace(NEW.`applicant_name`, char(9), ' '), char(10), ' '), char(13), ' ')) AS f0))))) a,
				json_each('[' || replace(json_quote(a.folded), ' ', '","') || ']') w
			WHERE w.value <> ''
		UNION SELECT 'c:' || upper(replace(replace(NEW.`code`, '.', ''), '-', ''))
		UNION SELECT 'c:' || upper(replace(substr(NEW.`code`, instr(NEW.`code`, '-') + 1), '-', '')) WHERE instr(NEW.`code`, '-') > 0
		UNION SELECT k.prefix || CASE k.prefix WHEN 'p:' THEN n.d ELSE substr(n.d, 20, 1) || substr(n.d, 19, 1) || substr(n.d, 18, 1) || substr(n.d, 17, 1) || substr(n.d, 16, 1) || substr(n.d, 15, 1) || substr(n.d, 14, 1) || substr(n.d, 13, 1) || substr(n.d, 12, 1) || substr(n.d, 11, 1) || substr(n.d, 10, 1) || substr(n.d, 9, 1) || substr(n.d, 8, 1) || substr(n.d, 7, 1) || substr(n.d, 6, 1) || substr(n.d, 5, 1) || substr(n.d, 4, 1) || substr(n.d, 3, 1) || substr(n.d, 2, 1) || substr(n.d, 1, 1) END
			FROM (SELECT CASE WHEN length(s) = 11 AND s GLOB '84*' THEN '0' || substr(s, 3) ELSE s END AS d
				FROM (SELECT replace(replace(replace(replace(replace(replace(v, ' ', ''), '.', ''), '-', ''), '(', ''), ')', ''), '+', '') AS s
					FROM (SELECT f.value AS v FROM json_each(NEW.`form`) f
							WHERE f.type IN ('text', 'integer') AND f.key IN (
								SELECT json_extract(e.value, '$.key') FROM `procedures` p, json_each(p.`eform`, '$.fields') e
								WHERE p.`id` = NEW.`procedure_id` AND json_extract(e.value, '$.type') IN ('phone', 'citizenId'))
						UNION ALL SELECT `phone` FROM `users` WHERE `id` = NEW.`applicant_id` AND `phone` IS NOT NULL))
				WHERE length(s) BETWEEN 4 AND 20 AND s NOT GLOB '*[^0-9]*') n,
				(SELECT 'p:' AS prefix UNION ALL SELECT 'r:') k
	) t;
END;
--> statement-breakpoint
CREATE TRIGGER `dossiers_search_state` AFTER UPDATE OF `status`, `due_date` ON `dossiers` BEGIN
	UPDATE `dossier_search` SET `status` = NEW.`status`, `due_date` = NEW.`due_date` WHERE `dossier_id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `dossiers_search_delete` AFTER DELETE ON `dossiers` BEGIN
	DELETE FROM `dossier_search` WHERE `dossier_id` = OLD.`id`;
END;
--> statement-breakpoint
-- The registered phone is searchable too: a resident who shares it later has their dossiers reindexed.
CREATE TRIGGER `users_search_phone` AFTER UPDATE OF `phone` ON `users` WHEN OLD.`phone` IS NOT NEW.`phone` BEGIN
	UPDATE `dossiers` SET `applicant_id` = `applicant_id` WHERE `applicant_id` = NEW.`id`;
END;
--> statement-breakpoint
-- Existing dossiers: touching a column of the reindex trigger runs it for every row.
UPDATE `dossiers` SET `applicant_name` = `applicant_name`;
