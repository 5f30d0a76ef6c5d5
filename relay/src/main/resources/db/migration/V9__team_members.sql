-- Settings → Team: a member added with a one-time password or an invite code must choose their
-- own password at first sign-in (must_change_password), and that secret stops working at
-- setup_expires_at; deactivated_at records when an admin deactivated them (active stays the
-- flag every query reads). Portable SQL: runs unchanged on H2 and PostgreSQL.
ALTER TABLE app_user ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE app_user ADD COLUMN setup_expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE app_user ADD COLUMN deactivated_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX conversation_assignee ON conversation (practice_id, assignee_id);
