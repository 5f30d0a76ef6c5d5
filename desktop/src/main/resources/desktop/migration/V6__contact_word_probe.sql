-- A broad search of one or two letters walks the list in its order and asks, per conversation,
-- whether its contact has a name word starting so (ADR 0009): one seek of this index each. It
-- also serves what the index on contact_id alone did (a contact's keys are rewritten by id).
CREATE INDEX contact_word_probe ON contact_word (contact_id, word_start, word);
DROP INDEX contact_word_contact;
