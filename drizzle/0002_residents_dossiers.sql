CREATE TABLE `dossier_counters` (
	`unit_id` text NOT NULL,
	`day` text NOT NULL,
	`seq` integer NOT NULL,
	PRIMARY KEY(`unit_id`, `day`),
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `dossier_documents` (
	`dossier_id` text NOT NULL,
	`doc_index` integer NOT NULL,
	`file_id` text NOT NULL,
	`round` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`dossier_id`, `doc_index`, `file_id`),
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dossier_documents_file` ON `dossier_documents` (`file_id`);--> statement-breakpoint
CREATE TABLE `dossier_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dossier_id` text NOT NULL,
	`seq` integer NOT NULL,
	`type` text NOT NULL,
	`actor_id` text,
	`actor_role` text NOT NULL,
	`at` text NOT NULL,
	`note` text,
	`data` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dossier_events_seq` ON `dossier_events` (`dossier_id`,`seq`);--> statement-breakpoint
CREATE TABLE `dossiers` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`province_id` text NOT NULL,
	`procedure_id` integer NOT NULL,
	`applicant_id` text NOT NULL,
	`receiving_unit_id` text NOT NULL,
	`handling_unit_id` text NOT NULL,
	`status` integer NOT NULL,
	`channel` text NOT NULL,
	`form` text NOT NULL,
	`fee` text NOT NULL,
	`tracking_token` text NOT NULL,
	`vneid_verified` integer DEFAULT false NOT NULL,
	`withdrawal_requested` integer DEFAULT false NOT NULL,
	`submitted_at` text NOT NULL,
	`received_at` text,
	`due_date` text,
	`due_explanation` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`procedure_id`) REFERENCES `procedures`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`applicant_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`receiving_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handling_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dossiers_code_unique` ON `dossiers` (`code`);--> statement-breakpoint
CREATE INDEX `dossiers_applicant` ON `dossiers` (`applicant_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `dossiers_handling_unit` ON `dossiers` (`handling_unit_id`,`status`);--> statement-breakpoint
CREATE TABLE `drafts` (
	`user_id` text NOT NULL,
	`procedure_code` text NOT NULL,
	`data` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`user_id`, `procedure_code`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `files` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`r2_key` text NOT NULL,
	`name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`source` text DEFAULT 'upload' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `files_owner` ON `files` (`owner_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`user_id` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`response_status` integer,
	`response_body` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `key`)
);
--> statement-breakpoint
CREATE TABLE `oidc_requests` (
	`state` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`code_verifier` text NOT NULL,
	`nonce` text NOT NULL,
	`return_path` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`refresh_hash` text NOT NULL,
	`refresh_expires_at` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`province_id` text NOT NULL,
	`zalo_id` text,
	`role` text NOT NULL,
	`unit_id` text,
	`display_name` text DEFAULT '' NOT NULL,
	`phone` text,
	`vneid_subject` text,
	`vneid_verified_at` text,
	`disabled_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_zalo_id_unique` ON `users` (`zalo_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_vneid_subject_unique` ON `users` (`vneid_subject`);--> statement-breakpoint
CREATE INDEX `users_unit` ON `users` (`unit_id`);--> statement-breakpoint
ALTER TABLE `procedures` ADD `requires_vneid` integer DEFAULT false NOT NULL;