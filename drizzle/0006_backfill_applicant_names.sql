-- Dossiers filed before applicant_name existed take the applicant's current display name.
UPDATE `dossiers` SET `applicant_name` = (SELECT `display_name` FROM `users` WHERE `users`.`id` = `dossiers`.`applicant_id`) WHERE `applicant_name` = '';
