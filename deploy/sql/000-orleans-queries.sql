-- The Orleans ADO.NET providers read every SQL text they run from this table at silo start.
-- Each later script upserts its own keys, so re-applying the schema replaces old query texts.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64)   NOT NULL PRIMARY KEY,
    QueryText varchar(8000) NOT NULL
);
