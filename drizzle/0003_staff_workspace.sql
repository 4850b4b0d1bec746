CREATE TABLE `calendar_days` (
	`province_id` text NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`source` text NOT NULL,
	`verified` integer DEFAULT false NOT NULL,
	`updated_by` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`province_id`, `date`),
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `dossier_reads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dossier_id` text NOT NULL,
	`actor_id` text NOT NULL,
	`at` text NOT NULL,
	`reason` text NOT NULL,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dossier_reads_dossier` ON `dossier_reads` (`dossier_id`,`at`);--> statement-breakpoint
CREATE TABLE `event_files` (
	`dossier_id` text NOT NULL,
	`seq` integer NOT NULL,
	`file_id` text NOT NULL,
	PRIMARY KEY(`dossier_id`, `seq`, `file_id`),
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `event_files_file` ON `event_files` (`file_id`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`dossier_id` text NOT NULL,
	`event_seq` integer NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	`read_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_user` ON `notifications` (`user_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_event` ON `notifications` (`dossier_id`,`event_seq`);--> statement-breakpoint
CREATE TABLE `staff_unit_grants` (
	`user_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`granted_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`user_id`, `unit_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`granted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
DROP INDEX `dossiers_handling_unit`;--> statement-breakpoint
ALTER TABLE `dossiers` ADD `applicant_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `dossiers` ADD `promised_date` text;--> statement-breakpoint
ALTER TABLE `dossiers` ADD `paused_at` text;--> statement-breakpoint
ALTER TABLE `dossiers` ADD `finished_at` text;--> statement-breakpoint
ALTER TABLE `dossiers` ADD `returned_at` text;--> statement-breakpoint
CREATE INDEX `dossiers_handling_unit` ON `dossiers` (`handling_unit_id`,`status`,`due_date`);--> statement-breakpoint
ALTER TABLE `dossier_events` ADD `status` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `dossier_events` ADD `hash` text DEFAULT '' NOT NULL;