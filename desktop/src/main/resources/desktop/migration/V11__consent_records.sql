-- Consent records (ADR 0025): one row per change of a contact's consent (opted out, opted in,
-- blocked, unblocked) as the feed brings them ("consent" events, the full ConsentRecordView kept
-- in relay_json). A record never changes once written: applying it again only renews its
-- generation, so a resync's sweep keeps it. conversation_id is where the thread shows it (null:
-- the contact had no conversation then; its threads show it). at is when it happened.
CREATE TABLE consent_record (
    id              BIGINT PRIMARY KEY,
    contact_id      BIGINT NOT NULL,
    conversation_id BIGINT,
    change_kind     VARCHAR(20) NOT NULL,
    source          VARCHAR(20) NOT NULL,
    at              TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    relay_json      VARCHAR(100000) NOT NULL,
    sync_gen        INT NOT NULL
);
-- A thread's lines, and a contact's current state (its newest record of each kind).
CREATE INDEX consent_record_conversation ON consent_record (conversation_id, at, id);
CREATE INDEX consent_record_contact ON consent_record (contact_id, at DESC, id DESC);
