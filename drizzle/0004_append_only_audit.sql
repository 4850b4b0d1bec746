-- The dossier timeline and the log of staff reads are append-only: the database itself refuses
-- to change or remove a row (the hash chain then also detects anyone who drops these triggers).
CREATE TRIGGER `dossier_events_no_update` BEFORE UPDATE ON `dossier_events` BEGIN
	SELECT RAISE(ABORT, 'dossier_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `dossier_events_no_delete` BEFORE DELETE ON `dossier_events` BEGIN
	SELECT RAISE(ABORT, 'dossier_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `dossier_reads_no_update` BEFORE UPDATE ON `dossier_reads` BEGIN
	SELECT RAISE(ABORT, 'dossier_reads is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `dossier_reads_no_delete` BEFORE DELETE ON `dossier_reads` BEGIN
	SELECT RAISE(ABORT, 'dossier_reads is append-only');
END;
