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
CREATE UNIQUE INDEX `notifications_event` ON `notifications` (`dossier_id`,`event_seq`);