-- SPDX-License-Identifier: Apache-2.0
-- Portable SQL: runs unchanged on H2 (default) and PostgreSQL.

-- Whether each relay node is running, so that the next start knows the last one did not stop
-- cleanly (killed, crashed, power cut). On H2 such a stop can lose the newest commits, which a
-- desk may already have been shown; the relay then starts every practice's feed again.
CREATE TABLE relay_run (
    node_id    VARCHAR(64) PRIMARY KEY,
    running    BOOLEAN     NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL
);
