CREATE TABLE `payment_notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`payment_id` text,
	`provider` text NOT NULL,
	`kind` text NOT NULL,
	`outcome` text NOT NULL,
	`amount` integer,
	`transaction_id` text,
	`received_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payment_notices_payment` ON `payment_notices` (`payment_id`,`id`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`dossier_id` text NOT NULL,
	`provider` text NOT NULL,
	`order_ref` text NOT NULL,
	`provider_order_id` text,
	`amount` integer NOT NULL,
	`state` text DEFAULT 'created' NOT NULL,
	`transaction_id` text,
	`paid_at` text,
	`receipt_number` text,
	`refund_state` text,
	`refund_id` text,
	`refunded_amount` integer DEFAULT 0 NOT NULL,
	`created_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`checked_at` text,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payments_order_ref_unique` ON `payments` (`order_ref`);--> statement-breakpoint
CREATE UNIQUE INDEX `payments_receipt_number_unique` ON `payments` (`receipt_number`);--> statement-breakpoint
CREATE INDEX `payments_dossier` ON `payments` (`dossier_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `payments_open` ON `payments` (`state`,`created_at`);--> statement-breakpoint
CREATE TABLE `portal_sync` (
	`dossier_id` text PRIMARY KEY NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`last_event_id` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`lease_until` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`last_attempt_at` text,
	`synced_at` text,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `portal_sync_state` ON `portal_sync` (`state`,`last_attempt_at`);--> statement-breakpoint
CREATE TABLE `receipt_counters` (
	`year` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `vneid_relaxations` (
	`province_id` text NOT NULL,
	`procedure_code` text NOT NULL,
	`reason` text NOT NULL,
	`decided_by` text NOT NULL,
	`decided_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`province_id`, `procedure_code`),
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `dossiers` ADD `fee_status` text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `vneid_claims` text;--> statement-breakpoint
-- Dossiers filed before fees were enforced: a fee is due unless a payment was confirmed.
UPDATE `dossiers` SET `fee_status` = 'due' WHERE json_extract(`fee`, '$.amount') > 0;--> statement-breakpoint
UPDATE `dossiers` SET `fee_status` = 'paid' WHERE `fee_status` = 'due' AND EXISTS (
	SELECT 1 FROM `dossier_events` e WHERE e.`dossier_id` = `dossiers`.`id` AND e.`type` = 'payment_confirmed'
);--> statement-breakpoint
-- Every dossier filed before the sync existed is queued for the national portal by the sweep.
INSERT INTO `portal_sync` (`dossier_id`) SELECT `id` FROM `dossiers`;
--> statement-breakpoint
-- portal: when the dossier was last put on the queue (the sweep re-queues only what waited longer),
-- and which consumer holds the lease (a consumer whose lease expired cannot move the cursor).
ALTER TABLE `portal_sync` ADD `queued_at` text;--> statement-breakpoint
ALTER TABLE `portal_sync` ADD `lease_id` text;
