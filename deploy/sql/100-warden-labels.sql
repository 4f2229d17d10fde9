-- Warden's label history: one row per change to an entity's labels (added, replaced, removed,
-- held, released, hold_rejected, expired), who made it and why. Append-only.
CREATE TABLE IF NOT EXISTS label_events
(
    id          bigserial    PRIMARY KEY,
    entity      varchar(256) NOT NULL,
    kind        varchar(16)  NOT NULL,
    source_key  varchar(300) NOT NULL,
    policy      varchar(64)  NOT NULL,
    enforcement varchar(64)  NOT NULL,
    label       jsonb        NOT NULL,
    previous    jsonb,
    actor       varchar(256) NOT NULL,
    reason      text,
    at          timestamptz  NOT NULL
);

CREATE INDEX IF NOT EXISTS label_events_entity ON label_events (entity, id);
CREATE INDEX IF NOT EXISTS label_events_source ON label_events (source_key, at);

-- Held labels waiting for a human. The review-queue work turns pending rows into review jobs.
CREATE TABLE IF NOT EXISTS hold_review_requests
(
    id           bigserial    PRIMARY KEY,
    entity       varchar(256) NOT NULL,
    source_key   varchar(300) NOT NULL,
    label        jsonb        NOT NULL,
    status       varchar(16)  NOT NULL DEFAULT 'pending',
    requested_at timestamptz  NOT NULL,
    decided_at   timestamptz,
    decided_by   varchar(256)
);

-- One open request per held label: a newer hold from the same source refreshes it.
CREATE UNIQUE INDEX IF NOT EXISTS hold_review_requests_pending
    ON hold_review_requests (entity, source_key) WHERE status = 'pending';

-- An entity's labels (live, held, trusted) as one JSON document with an optimistic version. Written
-- in the same statement as its label_events rows, so state and history never disagree.
CREATE TABLE IF NOT EXISTS entity_labels
(
    entity     varchar(256) PRIMARY KEY,
    state      jsonb        NOT NULL,
    version    integer      NOT NULL,
    updated_at timestamptz  NOT NULL DEFAULT now()
);
