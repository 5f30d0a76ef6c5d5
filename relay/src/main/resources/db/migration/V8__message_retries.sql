-- SPDX-License-Identifier: Apache-2.0
-- Portable SQL: runs unchanged on H2 (default) and PostgreSQL.

-- A failed outbound message can be retried: the same row becomes a new attempt. The client id of
-- the retry that started the current attempt is kept here, so that the same retry sent again
-- (a double click, an outbox that delivers twice) answers that attempt instead of sending again.
ALTER TABLE message ADD COLUMN retry_client_id VARCHAR(64);
