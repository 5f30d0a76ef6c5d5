-- Requests (ADR 0024): payments, reviews, forms and treatment plans the practice texted, as the
-- feed brings them ("request" events, the full RequestView kept in relay_json). Never deleted by
-- the desk except by a resync's sweep (the relay no longer has it). is_open is the status's
-- open() (sent, delivered, opened), kept as a column so the "Open requests" filter is an index probe;
-- kind, status and amount are columns too, for the list row's hint ("Payment $120.00 · Opened").
CREATE TABLE request (
    id              BIGINT PRIMARY KEY,
    conversation_id BIGINT NOT NULL,
    contact_id      BIGINT NOT NULL,
    message_id      BIGINT,
    kind            VARCHAR(20) NOT NULL,
    status          VARCHAR(20) NOT NULL,
    status_rank     INT NOT NULL,
    is_open         BOOLEAN NOT NULL,
    amount_cents    BIGINT,
    currency        VARCHAR(3),
    expires_at      TIMESTAMP(9) WITH TIME ZONE,
    created_at      TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    relay_json      VARCHAR(100000) NOT NULL,
    sync_gen        INT NOT NULL
);
CREATE INDEX request_conversation ON request (conversation_id, created_at DESC, id DESC);
CREATE INDEX request_message ON request (message_id);
CREATE INDEX request_contact ON request (contact_id, kind, created_at DESC);
-- The list's "Open requests" filter: does this conversation have one? (conversation first: the
-- list walks conversations in its order and probes each).
CREATE INDEX request_open ON request (conversation_id, is_open);

-- The practice's communication settings ("settings" events, one per practice; id is the practice's).
CREATE TABLE practice_settings (
    id              BIGINT PRIMARY KEY,
    relay_json      VARCHAR(100000) NOT NULL,
    sync_gen        INT NOT NULL
);

-- A request waiting in the outbox: the document (statement or plan PDF) goes behind the link, not
-- in the MMS, so its file row says so; the draft itself is in the outbox item's payload.
ALTER TABLE outbox_file ADD COLUMN behind_link BOOLEAN DEFAULT FALSE NOT NULL;
