-- SPDX-License-Identifier: Apache-2.0
-- Portable SQL: runs unchanged on H2 (default) and PostgreSQL.

-- Files a desk uploads to send (ADR 0023). The id is unguessable and only its practice's desks
-- can send it; the bytes are copied to media_file when a message takes the upload, and an upload
-- is deleted a day after it was made, sent or not.
CREATE TABLE upload (
    id           VARCHAR(48)  PRIMARY KEY,
    practice_id  BIGINT       NOT NULL REFERENCES practice (id),
    file_name    VARCHAR(100) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    width        INTEGER,
    height       INTEGER,
    sha256       VARCHAR(64)  NOT NULL,
    content      BYTEA        NOT NULL,
    preview      BYTEA,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX upload_practice_created ON upload (practice_id, created_at);

-- An outbound file goes in the MMS ('mms': served to Twilio at /media/{public_token} until
-- public_until) or behind the message's secure link ('link').
ALTER TABLE message_media ADD COLUMN delivery VARCHAR(8);
ALTER TABLE message_media ADD COLUMN public_token VARCHAR(64);
ALTER TABLE message_media ADD COLUMN public_until TIMESTAMP WITH TIME ZONE;
CREATE UNIQUE INDEX message_media_public_token ON message_media (public_token);

-- The page behind a message's link (/l/{token}): it expires, it may ask for the patient's date of
-- birth (a few wrong answers lock it for a while), and it records when it was first opened.
CREATE TABLE secure_link (
    token           VARCHAR(64) PRIMARY KEY,
    practice_id     BIGINT      NOT NULL REFERENCES practice (id),
    message_id      BIGINT      NOT NULL UNIQUE REFERENCES message (id),
    contact_id      BIGINT      NOT NULL REFERENCES contact (id),
    asks_birth_date BOOLEAN     NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    first_opened_at TIMESTAMP WITH TIME ZONE,
    failed_answers  INTEGER     DEFAULT 0 NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
-- A patient who answered the date of birth gets a key (a cookie) for the link's files, for an hour.
CREATE TABLE secure_link_access (
    access_key  VARCHAR(64) PRIMARY KEY,
    token       VARCHAR(64) NOT NULL REFERENCES secure_link (token),
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What the practice knows and decides: a patient's date of birth (from the import), whether its
-- links ask for it (when known), and how long they live.
ALTER TABLE contact ADD COLUMN birth_date DATE;
ALTER TABLE practice ADD COLUMN links_ask_birth_date BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE practice ADD COLUMN link_days INTEGER DEFAULT 30 NOT NULL;
