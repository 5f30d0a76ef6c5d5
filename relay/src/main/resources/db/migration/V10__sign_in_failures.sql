-- SPDX-License-Identifier: Apache-2.0
-- Portable SQL: runs unchanged on H2 (default) and PostgreSQL.

-- Failed sign-ins per account and per client address, shared by every relay node on the
-- database, so failures spread over several nodes lock as on one (ADR 0017). Keys are SHA-256
-- hashes: no username or address is stored. A row is forgotten by the relay after its window
-- (kind 'account': an hour, 'address': 15 minutes, without failures) and rewritten by the next.
CREATE TABLE sign_in_failure (
    kind         VARCHAR(8)  NOT NULL,
    key_hash     VARCHAR(64) NOT NULL,
    failures     INTEGER     NOT NULL,
    last_failure TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (kind, key_hash)
);
