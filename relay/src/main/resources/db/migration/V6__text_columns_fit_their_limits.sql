-- SPDX-License-Identifier: Apache-2.0
-- Portable SQL: runs unchanged on H2 (default) and PostgreSQL.

-- Typed texts are limited in characters as people count them (code points; an emoji is one),
-- and both databases count VARCHAR lengths in UTF-16 units, where an emoji takes two. So a
-- column holds a limit of N as VARCHAR(2N) (relay/http/Texts.java).
ALTER TABLE contact ALTER COLUMN name SET DATA TYPE VARCHAR(400);
ALTER TABLE contact ALTER COLUMN external_id SET DATA TYPE VARCHAR(200);
ALTER TABLE inbox ALTER COLUMN name SET DATA TYPE VARCHAR(200);
ALTER TABLE template ALTER COLUMN name SET DATA TYPE VARCHAR(200);
ALTER TABLE practice ALTER COLUMN name SET DATA TYPE VARCHAR(400);
ALTER TABLE app_user ALTER COLUMN display_name SET DATA TYPE VARCHAR(400);
ALTER TABLE api_key ALTER COLUMN name SET DATA TYPE VARCHAR(200);
-- A team member's or a contact's name (200), or a campaign's (100).
ALTER TABLE message ALTER COLUMN sender_name SET DATA TYPE VARCHAR(400);
-- 140 characters with the ellipsis.
ALTER TABLE conversation ALTER COLUMN last_message_preview SET DATA TYPE VARCHAR(400);

-- What Twilio sends is kept whole, never refused for the size of a column we chose: the webhook
-- body is at most 64 KiB, so no field of it, and no feed event made of it, comes near these.
ALTER TABLE message_media ALTER COLUMN url SET DATA TYPE VARCHAR(1000000);
ALTER TABLE message_media ALTER COLUMN content_type SET DATA TYPE VARCHAR(1000000);
ALTER TABLE unrouted_message ALTER COLUMN params SET DATA TYPE VARCHAR(1000000);
ALTER TABLE feed_event ALTER COLUMN data SET DATA TYPE VARCHAR(1000000);
