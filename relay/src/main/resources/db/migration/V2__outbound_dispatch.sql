-- Outbound dispatch: where each outbound message is on its way to the carrier.
--   pending   stored, waiting for (another) attempt at next_attempt_at
--   handing   an attempt is in flight (after a crash: the carrier may or may not have it)
--   checking  the carrier's answer was lost; look it up before any new attempt
--   handed    the carrier accepted it (sid set); delivery status comes by callback
--   rejected  the carrier refused it (error_code set)
--   attention the relay cannot tell whether it was sent; a person decides (dispatch_note says why)
ALTER TABLE message ADD COLUMN dispatch_state VARCHAR(12);
ALTER TABLE message ADD COLUMN dispatch_attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE message ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE message ADD COLUMN attempt_started_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE message ADD COLUMN dispatch_note VARCHAR(400);
CREATE INDEX message_dispatch ON message (dispatch_state, next_attempt_at);

-- Bodies are limited to 1600 characters as people count them; emoji take two Java chars each.
ALTER TABLE message ALTER COLUMN body SET DATA TYPE VARCHAR(4000);
ALTER TABLE unrouted_message ALTER COLUMN body SET DATA TYPE VARCHAR(4000);
ALTER TABLE unrouted_message ALTER COLUMN params SET DATA TYPE VARCHAR(200000);
ALTER TABLE unrouted_message ADD COLUMN reason VARCHAR(100) DEFAULT 'unknown number' NOT NULL;
