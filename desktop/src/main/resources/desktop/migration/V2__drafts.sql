-- Unsent composer text per thread, so a draft survives a restart. The key is the composer's
-- thread key ("conversation:42", "number:+15551234567"); a blank draft is deleted, not stored.
-- Local only: never swept by a resync, never sent to the relay.
CREATE TABLE draft (
    draft_key       VARCHAR(100) PRIMARY KEY,
    body            VARCHAR(1000000) NOT NULL
);
