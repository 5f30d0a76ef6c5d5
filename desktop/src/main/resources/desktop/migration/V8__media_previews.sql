-- A photo's preview (the relay's small JPEG, at most 320 px on its longer side) kept with the
-- thread, so a conversation with photos reads offline. Fetched once per attachment; the message
-- row keeps the attachment's state (media_json), this only its picture. Full files are not here:
-- they are fetched on demand into the account's folder (media/), with a size cap of their own.
CREATE TABLE media_preview (
    message_id      BIGINT NOT NULL,
    position        INT NOT NULL,
    content         VARBINARY(2000000) NOT NULL,
    fetched_at      TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (message_id, position)
);
