-- Scoring: submitted content (stored before it is scored, so nothing accepted is lost) and hash banks.

CREATE TABLE IF NOT EXISTS content_items (
    entity          text        NOT NULL,
    idempotency_key text        NOT NULL,
    status          smallint    NOT NULL,          -- 0 received, 1 scored, 2 labelled, 3 queued, 4 failed, 5 scoring images
    received_at     timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    record          jsonb       NOT NULL,          -- submission (without image bytes), verdict, review job
    PRIMARY KEY (entity, idempotency_key)
);

-- What the recovery reminder re-drives: submissions still without a verdict.
CREATE INDEX IF NOT EXISTS content_items_pending ON content_items (updated_at) WHERE status = 0;
-- ... and those whose text is scored while their images are not yet (Warden:Scoring:ImagesAfterText).
CREATE INDEX IF NOT EXISTS content_items_scoring_images ON content_items (updated_at) WHERE status = 5;

CREATE TABLE IF NOT EXISTS content_images (
    entity          text     NOT NULL,
    idempotency_key text     NOT NULL,
    ordinal         smallint NOT NULL,
    name            text,
    bytes           bytea    NOT NULL,
    PRIMARY KEY (entity, idempotency_key, ordinal),
    FOREIGN KEY (entity, idempotency_key) REFERENCES content_items ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS hash_bank_entries (
    bank    text     NOT NULL,
    kind    smallint NOT NULL,                     -- 0 PDQ, 1 SHA-256
    hash    text     NOT NULL,                     -- 64 lower-case hex digits
    label   text,
    version integer  NOT NULL,                     -- the bank version that added it
    PRIMARY KEY (bank, kind, hash)
);
