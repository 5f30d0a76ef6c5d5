-- SPDX-License-Identifier: Apache-2.0
-- Portable SQL: runs unchanged on H2 (default) and PostgreSQL.

-- Every wrong date of birth a link was given, never reset: after 15 (three lockouts) the link stays
-- locked until the practice sends the document again, so no one can go on guessing for weeks.
ALTER TABLE secure_link ADD COLUMN wrong_total INTEGER DEFAULT 0 NOT NULL;
