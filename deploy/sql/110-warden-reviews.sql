-- A review queue's jobs, one row each, with the lease on it: written in batches by the queue grain
-- (group commit), so a busy queue costs one statement per batch of lease, decide and enqueue steps.
CREATE TABLE IF NOT EXISTS queue_jobs
(
    queue_id   varchar(64) NOT NULL,
    job_id     varchar(64) NOT NULL,
    job        jsonb       NOT NULL,
    PRIMARY KEY (queue_id, job_id)
);

-- The decisions log: every reviewer's decision (kind 'review') and every job's final decision
-- (kind 'final'). Append-only; a re-driven write of the same row is ignored.
CREATE TABLE IF NOT EXISTS decisions
(
    id             bigserial    PRIMARY KEY,
    job_id         varchar(64)  NOT NULL,
    queue_id       varchar(64)  NOT NULL,
    config_version integer      NOT NULL,
    kind           varchar(8)   NOT NULL,
    reviewer       varchar(256) NOT NULL,
    decided_at     timestamptz  NOT NULL,
    entities       text[]       NOT NULL,
    objects        jsonb        NOT NULL,
    actions        jsonb        NOT NULL,
    labels         jsonb        NOT NULL,
    policies       jsonb        NOT NULL,
    note           text,
    reviewers      jsonb        NOT NULL DEFAULT '[]'
);

CREATE UNIQUE INDEX IF NOT EXISTS decisions_once ON decisions (job_id, kind, reviewer, queue_id);
CREATE INDEX IF NOT EXISTS decisions_entities ON decisions USING gin (entities);
CREATE INDEX IF NOT EXISTS decisions_time ON decisions (decided_at, id);

-- Review jobs as JSON documents with an optimistic version, written with group commit (many jobs'
-- decisions share one statement and one WAL flush).
CREATE TABLE IF NOT EXISTS review_jobs
(
    job_id     varchar(64) PRIMARY KEY,
    state      jsonb       NOT NULL,
    version    integer     NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
