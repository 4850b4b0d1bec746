CREATE TABLE `admin_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`province_id` text NOT NULL,
	`actor_id` text NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`action` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `admin_changes_province` ON `admin_changes` (`province_id`,`id`);--> statement-breakpoint
CREATE INDEX `admin_changes_entity` ON `admin_changes` (`entity`,`entity_id`,`id`);--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`province_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`unit_id` text,
	`grant_unit_ids` text DEFAULT '[]' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`expires_at` text NOT NULL,
	`accepted_at` text,
	`accepted_by` text,
	`revoked_at` text,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`accepted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token_hash_unique` ON `invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `invitations_province` ON `invitations` (`province_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `sign_in_codes` (
	`code_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `template_files` (
	`id` text PRIMARY KEY NOT NULL,
	`province_id` text NOT NULL,
	`name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_oidc_requests` (
	`state` text PRIMARY KEY NOT NULL,
	`purpose` text DEFAULT 'vneid' NOT NULL,
	`user_id` text,
	`invitation_id` text,
	`code_verifier` text NOT NULL,
	`nonce` text NOT NULL,
	`return_path` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_oidc_requests`("state", "user_id", "code_verifier", "nonce", "return_path", "expires_at") SELECT "state", "user_id", "code_verifier", "nonce", "return_path", "expires_at" FROM `oidc_requests`;--> statement-breakpoint
DROP TABLE `oidc_requests`;--> statement-breakpoint
ALTER TABLE `__new_oidc_requests` RENAME TO `oidc_requests`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
ALTER TABLE `procedures` ADD `cases` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `procedures` ADD `decisions` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `procedures` ADD `result` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `procedures` ADD `requirements` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `procedures` ADD `external_system` text;--> statement-breakpoint
ALTER TABLE `procedures` ADD `publish_on` text;--> statement-breakpoint
ALTER TABLE `procedures` ADD `published_at` text;--> statement-breakpoint
ALTER TABLE `procedures` ADD `revision` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `procedures` ADD `updated_by` text;--> statement-breakpoint
CREATE INDEX `procedures_scheduled` ON `procedures` (`status`,`publish_on`);--> statement-breakpoint
ALTER TABLE `units` ADD `hotline` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `units` ADD `cohort` text DEFAULT 'commune' NOT NULL;--> statement-breakpoint
ALTER TABLE `units` ADD `deactivated_at` text;--> statement-breakpoint
ALTER TABLE `units` ADD `merged_into_id` text;--> statement-breakpoint
CREATE INDEX `units_merged_into` ON `units` (`merged_into_id`);--> statement-breakpoint
ALTER TABLE `users` ADD `sso_subject` text;--> statement-breakpoint
CREATE UNIQUE INDEX `users_sso_subject_unique` ON `users` (`sso_subject`);--> statement-breakpoint
-- Hand-written: the former single staff role is the officer's; units get the cohort of their kind.
UPDATE `users` SET `role` = 'officer' WHERE `role` = 'staff';--> statement-breakpoint
UPDATE `units` SET `cohort` = 'department' WHERE `kind` IN ('province', 'department');--> statement-breakpoint
-- The record of admin changes is append-only, like the dossier timeline.
CREATE TRIGGER `admin_changes_no_update` BEFORE UPDATE ON `admin_changes` BEGIN
	SELECT RAISE(ABORT, 'admin_changes is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `admin_changes_no_delete` BEFORE DELETE ON `admin_changes` BEGIN
	SELECT RAISE(ABORT, 'admin_changes is append-only');
END;
