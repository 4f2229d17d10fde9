-- Transactional outbox: an event row is written by the same statement that stores the state change
-- causing it (see PostgresEntityLabelStore), so a change is never stored without its event. The
-- relay on each silo moves rows to the durable stream and deletes them in one transaction: a crash
-- between publishing and deleting publishes the row again (at least once, never a gap). Event ids are
-- deterministic (entity, version, surface), so a consumer recognises a repeat.
CREATE TABLE IF NOT EXISTS warden_outbox
(
    id         bigserial    PRIMARY KEY,
    stream     varchar(64)  NOT NULL,
    stream_key varchar(64)  NOT NULL,
    event_id   varchar(400) NOT NULL,
    payload    bytea        NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now()
);
