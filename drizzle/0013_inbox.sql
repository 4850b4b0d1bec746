-- Officers know what changed (issue 13): a dossier remembers the last step a resident or the system
-- took that an officer should look at (attention_seq: a supplement answer, an online payment, a
-- withdrawal request, a resident's message), and each officer the step they last saw of each dossier
-- (dossier_views), so "new since I looked" is one comparison per row. No backfill: what happened
-- before this migration counts as seen. A unit leader assigns a dossier to a named officer
-- (assigned_to, with an append-only record of who assigned whom and when). inbox_stamps counts every
-- change of a unit's dossiers, kept by triggers whichever code writes them, so an unchanged inbox is
-- answered 304 from one indexed read.
ALTER TABLE `dossiers` ADD `assigned_to` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `dossiers` ADD `attention_seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `dossiers_attention` ON `dossiers` (`handling_unit_id`,`status`,`attention_seq`);--> statement-breakpoint
CREATE INDEX `dossiers_assigned` ON `dossiers` (`assigned_to`,`status`,`due_date`);--> statement-breakpoint
CREATE TABLE `dossier_views` (
	`officer_id` text NOT NULL,
	`dossier_id` text NOT NULL,
	`seen_seq` integer NOT NULL,
	`seen_at` text NOT NULL,
	PRIMARY KEY(`officer_id`, `dossier_id`),
	FOREIGN KEY (`officer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dossier_views_officer_seen` ON `dossier_views` (`officer_id`,`seen_at`);--> statement-breakpoint
CREATE TABLE `dossier_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dossier_id` text NOT NULL,
	`assigned_to` text,
	`assigned_by` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_to`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dossier_assignments_dossier` ON `dossier_assignments` (`dossier_id`,`id`);--> statement-breakpoint
CREATE TRIGGER `dossier_assignments_no_update` BEFORE UPDATE ON `dossier_assignments` BEGIN
	SELECT RAISE(ABORT, 'dossier_assignments is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `dossier_assignments_no_delete` BEFORE DELETE ON `dossier_assignments` BEGIN
	SELECT RAISE(ABORT, 'dossier_assignments is append-only');
END;
--> statement-breakpoint
CREATE TABLE `inbox_stamps` (
	`unit_id` text PRIMARY KEY NOT NULL,
	`stamp` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER `dossiers_inbox_insert` AFTER INSERT ON `dossiers` BEGIN
	INSERT INTO `inbox_stamps` (`unit_id`, `stamp`) VALUES (NEW.`handling_unit_id`, 1)
		ON CONFLICT (`unit_id`) DO UPDATE SET `stamp` = `stamp` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `dossiers_inbox_update` AFTER UPDATE OF `version`, `status`, `handling_unit_id`, `due_date`, `promised_date`, `paused_at`, `withdrawal_requested`, `applicant_name`, `assigned_to`, `attention_seq` ON `dossiers` BEGIN
	INSERT INTO `inbox_stamps` (`unit_id`, `stamp`) VALUES (NEW.`handling_unit_id`, 1)
		ON CONFLICT (`unit_id`) DO UPDATE SET `stamp` = `stamp` + 1;
	INSERT INTO `inbox_stamps` (`unit_id`, `stamp`) SELECT OLD.`handling_unit_id`, 1 WHERE OLD.`handling_unit_id` <> NEW.`handling_unit_id`
		ON CONFLICT (`unit_id`) DO UPDATE SET `stamp` = `stamp` + 1;
END;
