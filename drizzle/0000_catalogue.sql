CREATE TABLE `fields` (
	`id` text PRIMARY KEY NOT NULL,
	`province_id` text NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fields_province` ON `fields` (`province_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `procedures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`province_id` text NOT NULL,
	`code` text NOT NULL,
	`version` integer NOT NULL,
	`status` text NOT NULL,
	`effective_from` text NOT NULL,
	`name` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`field_id` text NOT NULL,
	`unit_level` text NOT NULL,
	`competent_unit_id` text,
	`agency` text NOT NULL,
	`service_level` text NOT NULL,
	`processing_time` text NOT NULL,
	`fees` text NOT NULL,
	`documents` text NOT NULL,
	`eform` text NOT NULL,
	`online_only` integer DEFAULT false NOT NULL,
	`essential` integer DEFAULT false NOT NULL,
	`result_delivery` text NOT NULL,
	`aliases` text DEFAULT '[]' NOT NULL,
	`popularity` integer DEFAULT 0 NOT NULL,
	`search_name` text NOT NULL,
	`search_aliases` text NOT NULL,
	`search_body` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`field_id`) REFERENCES `fields`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`competent_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `procedures_code_version` ON `procedures` (`province_id`,`code`,`version`);--> statement-breakpoint
CREATE UNIQUE INDEX `procedures_one_published` ON `procedures` (`province_id`,`code`) WHERE "procedures"."status" = 'published';--> statement-breakpoint
CREATE INDEX `procedures_listing` ON `procedures` (`province_id`,`status`,`essential`,`popularity`);--> statement-breakpoint
CREATE INDEX `procedures_field` ON `procedures` (`field_id`,`status`);--> statement-breakpoint
CREATE INDEX `procedures_unit` ON `procedures` (`competent_unit_id`,`status`);--> statement-breakpoint
CREATE TABLE `provinces` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`code` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `units` (
	`id` text PRIMARY KEY NOT NULL,
	`province_id` text NOT NULL,
	`parent_id` text,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`electronic_id` text NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`priority_weekdays` text DEFAULT '[]' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `units_province_kind` ON `units` (`province_id`,`kind`,`sort_order`);--> statement-breakpoint
CREATE UNIQUE INDEX `units_electronic_id` ON `units` (`electronic_id`);