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
