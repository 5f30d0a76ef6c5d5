-- The relay keeps what Twilio sends whole (ten media URLs of any length, within its 64 KiB
-- webhook limit), so the cache must hold a message's media list whole too: a list longer than
-- the old column stopped the desk's sync on that message for good.
ALTER TABLE message ALTER COLUMN media_json SET DATA TYPE VARCHAR(1000000);
