-- Notifications become the outbox of every channel and topic: a dossier step, a rating case or a feedback
-- item (the last two need no dossier event, so dossier_id and event_seq become nullable). Nothing references
-- the table, so it is rebuilt in place.
CREATE TABLE `__new_notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`topic` text DEFAULT 'dossier' NOT NULL,
	`dossier_id` text,
	`event_seq` integer,
	`subject_id` text,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	`read_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_notifications`("id", "user_id", "topic", "dossier_id", "event_seq", "subject_id", "title", "body", "created_at", "read_at") SELECT "id", "user_id", 'dossier', "dossier_id", "event_seq", NULL, "title", "body", "created_at", "read_at" FROM `notifications`;--> statement-breakpoint
DROP TABLE `notifications`;--> statement-breakpoint
ALTER TABLE `__new_notifications` RENAME TO `notifications`;--> statement-breakpoint
CREATE INDEX `notifications_user` ON `notifications` (`user_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_event` ON `notifications` (`dossier_id`,`event_seq`);--> statement-breakpoint

-- Delivery through Zalo (issue 13, part 1): every notification row is the outbox entry of its Zalo
-- message, so its delivery state lives on the row (added with defaults: every insert, by any slice, is
-- "created" and the queue consumer or the every-minute sweep picks it up). Residents carry their
-- OA-scoped id (learned from the OA's signed follow webhook) and their answer to the mini app's
-- question about messages. The OA token (its refresh token is single-use) is kept in one row with a
-- lock, so concurrent expired-token answers cause a single refresh.
ALTER TABLE `notifications` ADD `delivery_status` text DEFAULT 'created' NOT NULL;--> statement-breakpoint
ALTER TABLE `notifications` ADD `delivery_channel` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `delivery_attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `notifications` ADD `next_attempt_at` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `lease_until` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `provider_msg_id` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `last_error` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `sent_at` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `delivered_at` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `queued_at` text;--> statement-breakpoint
CREATE INDEX `notifications_delivery` ON `notifications` (`delivery_status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `notifications_msg` ON `notifications` (`provider_msg_id`);--> statement-breakpoint
CREATE INDEX `notifications_sent` ON `notifications` (`user_id`,`sent_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `oa_user_id` text;--> statement-breakpoint
ALTER TABLE `users` ADD `messages_answer` text;--> statement-breakpoint
ALTER TABLE `users` ADD `messages_answered_at` text;--> statement-breakpoint
CREATE TABLE `zalo_oa_token` (
	`id` integer PRIMARY KEY NOT NULL,
	`access_token` text NOT NULL,
	`refresh_token` text NOT NULL,
	`expires_at` text NOT NULL,
	`lock_id` text,
	`lock_until` text,
	`refreshed_at` text
);
--> statement-breakpoint

-- Ratings (DOMAIN §7): one per dossier by its applicant, after the handover, in the app or by Zalo's
-- star template (raw stars kept beside the mapped level); the original is kept forever, so the
-- database refuses to change its level or delete it. Every "Không hài lòng" opens a case the unit's
-- leader answers; the resident's re-rating is recorded on the case, beside the original rating.
-- The figures count ratings per level with each dossier's result (three new counters).
CREATE TABLE `ratings` (
	`dossier_id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`level` text NOT NULL,
	`source` text NOT NULL,
	`stars` integer,
	`feedbacks` text,
	`zns_msg_id` text,
	`notification_id` integer,
	`criteria` text DEFAULT '{}' NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`details_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TRIGGER `ratings_keep_original` BEFORE UPDATE OF `dossier_id`, `user_id`, `level`, `source`, `stars`, `created_at` ON `ratings` BEGIN
	SELECT RAISE(ABORT, 'ratings keep their original');
END;
--> statement-breakpoint
CREATE TRIGGER `ratings_details_once` BEFORE UPDATE OF `criteria`, `comment`, `details_at` ON `ratings` WHEN OLD.`details_at` IS NOT NULL BEGIN
	SELECT RAISE(ABORT, 'ratings keep their original');
END;
--> statement-breakpoint
CREATE TRIGGER `ratings_no_delete` BEFORE DELETE ON `ratings` BEGIN
	SELECT RAISE(ABORT, 'ratings keep their original');
END;
--> statement-breakpoint
CREATE TABLE `rating_cases` (
	`id` text PRIMARY KEY NOT NULL,
	`dossier_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`owner_id` text,
	`due_date` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`reply` text,
	`replied_by` text,
	`replied_at` text,
	`rerating` text,
	`rerating_comment` text,
	`rerated_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`dossier_id`) REFERENCES `ratings`(`dossier_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`replied_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rating_cases_dossier` ON `rating_cases` (`dossier_id`);--> statement-breakpoint
CREATE INDEX `rating_cases_unit` ON `rating_cases` (`unit_id`,`status`,`due_date`);--> statement-breakpoint
CREATE TRIGGER `rating_cases_no_delete` BEFORE DELETE ON `rating_cases` BEGIN
	SELECT RAISE(ABORT, 'rating_cases are kept');
END;
--> statement-breakpoint
ALTER TABLE `figures_daily` ADD `rated_very_satisfied` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `figures_daily` ADD `rated_satisfied` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `figures_daily` ADD `rated_dissatisfied` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `figures_monthly` ADD `rated_very_satisfied` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `figures_monthly` ADD `rated_satisfied` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `figures_monthly` ADD `rated_dissatisfied` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint

-- Feedback and petitions (phản ánh, kiến nghị; issue 13 part 5): a resident writes to a unit about the unit,
-- a procedure or one of their own dossiers, with photos; the unit's leader assigns it, the unit replies by a
-- due date in working days. The reply is its own row keyed by the item, so of two concurrent replies exactly
-- one commits (with the resident's notification in the same batch).
CREATE TABLE `feedback` (
	`id` text PRIMARY KEY NOT NULL,
	`province_id` text NOT NULL,
	`author_id` text NOT NULL,
	`kind` text DEFAULT 'phan_anh' NOT NULL,
	`subject` text NOT NULL,
	`unit_id` text NOT NULL,
	`procedure_code` text,
	`dossier_id` text,
	`content` text NOT NULL,
	`allow_public` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`assignee_id` text,
	`assigned_by` text,
	`assigned_at` text,
	`due_date` text NOT NULL,
	`created_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `feedback_author` ON `feedback` (`author_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `feedback_unit` ON `feedback` (`unit_id`,`status`,`due_date`);--> statement-breakpoint
CREATE TABLE `feedback_photos` (
	`feedback_id` text NOT NULL,
	`file_id` text NOT NULL,
	PRIMARY KEY(`feedback_id`, `file_id`),
	FOREIGN KEY (`feedback_id`) REFERENCES `feedback`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `feedback_photos_file` ON `feedback_photos` (`file_id`);--> statement-breakpoint
CREATE TABLE `feedback_replies` (
	`feedback_id` text PRIMARY KEY NOT NULL,
	`author_id` text NOT NULL,
	`body` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`feedback_id`) REFERENCES `feedback`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint

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
