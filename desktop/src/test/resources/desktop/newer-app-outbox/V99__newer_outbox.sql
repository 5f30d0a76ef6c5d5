-- A future PracticeText that reshaped the outbox: this version cannot read it.
ALTER TABLE outbox ALTER COLUMN payload_json RENAME TO payload;
