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
