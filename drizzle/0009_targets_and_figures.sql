CREATE TABLE `assisted_filings` (
	`id` text PRIMARY KEY NOT NULL,
	`province_id` text NOT NULL,
	`helper_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`submission` text NOT NULL,
	`applicant_name` text NOT NULL,
	`consent_kind` text,
	`consent_file_id` text,
	`dossier_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`expires_at` text NOT NULL,
	`confirmed_at` text,
	`cancelled_at` text,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`helper_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consent_file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assisted_filings_token_hash_unique` ON `assisted_filings` (`token_hash`);--> statement-breakpoint
CREATE INDEX `assisted_filings_helper` ON `assisted_filings` (`helper_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `figure_settings` (
	`province_id` text PRIMARY KEY NOT NULL,
	`online_rate_counts_postal` integer DEFAULT true NOT NULL,
	`updated_by` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `figures_daily` (
	`day` text NOT NULL,
	`unit_id` text NOT NULL,
	`procedure_id` integer NOT NULL,
	`channel` text NOT NULL,
	`received` integer DEFAULT 0 NOT NULL,
	`received_assisted` integer DEFAULT 0 NOT NULL,
	`received_digitised` integer DEFAULT 0 NOT NULL,
	`received_reused` integer DEFAULT 0 NOT NULL,
	`received_supplemented` integer DEFAULT 0 NOT NULL,
	`refused` integer DEFAULT 0 NOT NULL,
	`finished_early` integer DEFAULT 0 NOT NULL,
	`finished_on_due` integer DEFAULT 0 NOT NULL,
	`finished_late` integer DEFAULT 0 NOT NULL,
	`finished_e_result` integer DEFAULT 0 NOT NULL,
	`elapsed_days` integer DEFAULT 0 NOT NULL,
	`allowed_days` integer DEFAULT 0 NOT NULL,
	`stopped` integer DEFAULT 0 NOT NULL,
	`stopped_late` integer DEFAULT 0 NOT NULL,
	`withdrawn` integer DEFAULT 0 NOT NULL,
	`open_delta` integer DEFAULT 0 NOT NULL,
	`overdue_delta` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`unit_id`, `day`, `procedure_id`, `channel`)
);
--> statement-breakpoint
CREATE INDEX `figures_daily_day` ON `figures_daily` (`day`);--> statement-breakpoint
CREATE TABLE `figures_dossiers` (
	`dossier_id` text PRIMARY KEY NOT NULL,
	`facts` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `figures_monthly` (
	`month` text NOT NULL,
	`unit_id` text NOT NULL,
	`channel` text NOT NULL,
	`received` integer DEFAULT 0 NOT NULL,
	`received_assisted` integer DEFAULT 0 NOT NULL,
	`received_digitised` integer DEFAULT 0 NOT NULL,
	`received_reused` integer DEFAULT 0 NOT NULL,
	`received_supplemented` integer DEFAULT 0 NOT NULL,
	`refused` integer DEFAULT 0 NOT NULL,
	`finished_early` integer DEFAULT 0 NOT NULL,
	`finished_on_due` integer DEFAULT 0 NOT NULL,
	`finished_late` integer DEFAULT 0 NOT NULL,
	`finished_e_result` integer DEFAULT 0 NOT NULL,
	`elapsed_days` integer DEFAULT 0 NOT NULL,
	`allowed_days` integer DEFAULT 0 NOT NULL,
	`stopped` integer DEFAULT 0 NOT NULL,
	`stopped_late` integer DEFAULT 0 NOT NULL,
	`withdrawn` integer DEFAULT 0 NOT NULL,
	`open_delta` integer DEFAULT 0 NOT NULL,
	`overdue_delta` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`month`, `unit_id`, `channel`)
);
--> statement-breakpoint
CREATE INDEX `figures_monthly_unit` ON `figures_monthly` (`unit_id`,`month`);--> statement-breakpoint
CREATE TABLE `figures_officers` (
	`day` text NOT NULL,
	`user_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`accepted` integer DEFAULT 0 NOT NULL,
	`decided_on_time` integer DEFAULT 0 NOT NULL,
	`decided_late` integer DEFAULT 0 NOT NULL,
	`supplement_requests` integer DEFAULT 0 NOT NULL,
	`overdue_delta` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`unit_id`, `day`, `user_id`)
);
--> statement-breakpoint
CREATE TABLE `figures_refreshes` (
	`from_event_id` integer PRIMARY KEY NOT NULL,
	`to_event_id` integer NOT NULL,
	`dossiers` integer NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `monthly_reports` (
	`province_id` text NOT NULL,
	`month` text NOT NULL,
	`data` text NOT NULL,
	`prepared_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`reviewed_by` text,
	`reviewed_at` text,
	`review_note` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`province_id`, `month`),
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`province_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`metric` text NOT NULL,
	`period` text NOT NULL,
	`value` real NOT NULL,
	`suggested` real,
	`decision_number` text NOT NULL,
	`decision_date` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`set_by` text NOT NULL,
	`set_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`set_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `targets_unit` ON `targets` (`province_id`,`metric`,`period`,`unit_id`,`id`);--> statement-breakpoint
ALTER TABLE `dossiers` ADD `assisted_by` text REFERENCES users(id);--> statement-breakpoint
CREATE INDEX `dossiers_assisted` ON `dossiers` (`assisted_by`,`submitted_at`);--> statement-breakpoint
-- A target is superseded by a newer row, never edited: its history is the record of decisions.
CREATE TRIGGER `targets_no_update` BEFORE UPDATE ON `targets` BEGIN
	SELECT RAISE(ABORT, 'targets is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `targets_no_delete` BEFORE DELETE ON `targets` BEGIN
	SELECT RAISE(ABORT, 'targets is append-only');
END;
