-- Bulk operations: each one recorded with its query, action and actor, and every entity it matched when
-- it started, with what happened to it and what it replaced (so the whole operation can be undone).
CREATE TABLE IF NOT EXISTS bulk_operations
(
    id          varchar(64)  PRIMARY KEY,
    query       jsonb        NOT NULL,
    action      jsonb        NOT NULL,
    actor       varchar(256) NOT NULL,
    status      smallint     NOT NULL,
    matched     bigint       NOT NULL,
    parallelism integer      NOT NULL,
    created_at  timestamptz  NOT NULL,
    finished_at timestamptz,
    undone_at   timestamptz
);

CREATE TABLE IF NOT EXISTS bulk_items
(
    operation_id varchar(64)  NOT NULL,
    entity       varchar(256) NOT NULL,
    outcome      smallint     NOT NULL DEFAULT 0,
    previous     jsonb,                        -- the label a removal took away, to put back on undo
    error        text,
    PRIMARY KEY (operation_id, entity)
);

CREATE INDEX IF NOT EXISTS bulk_items_outcome ON bulk_items (operation_id, outcome);
