-- The list's walk and the unread badge without reading whole conversation rows (ADR 0009,
-- second revision). A conversation row is large (the relay's JSON, the preview), and H2 answers
-- a query from an index alone when the index holds every column it needs.

-- The list's order with every column a filter tests: a filtered list walks index entries and
-- reads only the rows of its page (the contact's kind is still read per walked row).
DROP INDEX conversation_activity;
CREATE INDEX conversation_activity ON conversation (last_message_at DESC, id DESC, status, inbox_id, assignee_id, unread_count, contact_id);

-- The badge: the sum of unread counts over the open conversations, from the index alone, less
-- the few of blocked contacts (found through this second index). The list is told not to use
-- conversation_unread (USE INDEX): started from it, H2 would sort every open conversation.
CREATE INDEX conversation_unread ON conversation (status, unread_count);
CREATE INDEX contact_blocked ON contact (blocked);

-- The contact picker's order: a broad one- or two-letter search walks it and stops at the page.
CREATE INDEX contact_sort ON contact (sort_name, id);
