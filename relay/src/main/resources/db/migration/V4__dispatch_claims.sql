-- Which relay node claimed a message for hand-off, so a restarting node recovers only its own
-- interrupted hand-offs at once and another node's only after their lease expired.
ALTER TABLE message ADD COLUMN claimed_by VARCHAR(64);

-- A status report is "processed" once matched to its message (whether or not it moved the
-- status forward, which "applied" records). Reports that arrived before their SID was known stay
-- unprocessed until the dispatcher matches them.
ALTER TABLE status_callback ADD COLUMN processed BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE status_callback SET processed = applied;
