-- Search inside names, and message-text search through compressed posting lists (ADR 0009).
-- The rows of the new index are written by the Java migration V5 (SearchIndexMigration) from
-- the rows already cached, so an upgraded cache finds what it had before.

-- contact_word now also holds every suffix (3+ characters) inside a name word, so a fragment
-- typed from the middle ("ohns" of "johnson") is the prefix of a key. word_start marks the keys
-- that begin a word: they rank first, and one or two typed letters match only them.
DELETE FROM contact_word;
ALTER TABLE contact_word ADD COLUMN word_start BOOLEAN NOT NULL;
-- One or two typed letters, and the rank, look at word starts only: their own range, not one
-- that also walks every suffix beginning with the same letter.
CREATE INDEX contact_word_start ON contact_word (word_start, word, contact_id);

-- One row per word and block of 65,536 message ids: a serialised RoaringBitmap of the low 16
-- bits of the ids of the messages whose body has that word (block = id >> 16; local bubbles
-- have negative ids and blocks). Replaces message_word, one row per word and message.
CREATE TABLE message_posting (
    term            VARCHAR(40) NOT NULL,
    block           BIGINT NOT NULL,
    ids             VARBINARY(1000000) NOT NULL,
    PRIMARY KEY (term, block)
);
DROP TABLE message_word;
