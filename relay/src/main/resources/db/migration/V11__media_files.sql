-- SPDX-License-Identifier: Apache-2.0
-- Portable SQL: runs unchanged on H2 (default) and PostgreSQL (BYTEA is H2's name for BINARY VARYING too).

-- Attachments (ADR 0022). An inbound MMS names each file at Twilio; the relay fetches it after
-- the text is stored and acknowledged, and keeps its own copy in the database, so every relay
-- node sharing it serves the same file and a backup holds it. A file waits as 'pending', due at
-- next_attempt_at (a claim moves that to the end of its lease, so a node that died mid-fetch
-- leaves it due again); 'ready' when kept; 'unavailable' (with the problem) when given up;
-- 'linked' for an outbound URL the relay passes on as it is.
ALTER TABLE message_media ADD COLUMN state VARCHAR(12) DEFAULT 'pending' NOT NULL;
ALTER TABLE message_media ADD COLUMN problem VARCHAR(20);
ALTER TABLE message_media ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE message_media ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE message_media ADD COLUMN claimed_by VARCHAR(64);
ALTER TABLE message_media ADD COLUMN file_name VARCHAR(100);
ALTER TABLE message_media ADD COLUMN size_bytes BIGINT;
ALTER TABLE message_media ADD COLUMN width INTEGER;
ALTER TABLE message_media ADD COLUMN height INTEGER;
ALTER TABLE message_media ADD COLUMN has_preview BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE message_media ADD COLUMN carrier_deleted BOOLEAN DEFAULT FALSE NOT NULL;

UPDATE message_media SET state = 'linked' WHERE message_id IN (SELECT id FROM message WHERE direction = 'out');
UPDATE message_media SET next_attempt_at = CURRENT_TIMESTAMP WHERE state = 'pending';
CREATE INDEX message_media_due ON message_media (state, next_attempt_at);

CREATE TABLE media_file (
    message_id  BIGINT      NOT NULL,
    position    INTEGER     NOT NULL,
    practice_id BIGINT      NOT NULL REFERENCES practice (id),
    sha256      VARCHAR(64) NOT NULL,
    content     BYTEA       NOT NULL,
    preview     BYTEA,
    PRIMARY KEY (message_id, position),
    FOREIGN KEY (message_id, position) REFERENCES message_media (message_id, position)
);
