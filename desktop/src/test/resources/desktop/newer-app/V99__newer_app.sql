-- A migration of a future PracticeText: only tests apply it, to open a cache "from the future".
ALTER TABLE conversation ADD COLUMN pinned BOOLEAN DEFAULT FALSE NOT NULL;
