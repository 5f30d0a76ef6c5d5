-- The files of a message waiting in the outbox, in order: the desk's own copy (in the account's
-- outbox/ folder, owner-only, named stored_name) so a message with files survives going offline
-- and a restart as a text does, and the relay's upload id once it has the file, so a retry does
-- not upload it again. The copies are deleted with the outbox item (sent or discarded).
CREATE TABLE outbox_file (
    outbox_id       BIGINT NOT NULL,
    position        INT NOT NULL,
    file_name       VARCHAR(400) NOT NULL,
    content_type    VARCHAR(200) NOT NULL,
    size            BIGINT NOT NULL,
    stored_name     VARCHAR(200) NOT NULL,
    upload_id       VARCHAR(100),
    PRIMARY KEY (outbox_id, position)
);
