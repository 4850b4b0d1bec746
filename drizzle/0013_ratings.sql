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
