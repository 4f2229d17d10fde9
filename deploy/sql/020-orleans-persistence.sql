-- Grain state for Microsoft.Orleans.Persistence.AdoNet 10.4.x.
-- Version is the ETag: a write names the version it read, and a stale one changes nothing,
-- which the provider turns into InconsistentStateException.
CREATE TABLE IF NOT EXISTS OrleansStorage
(
    ServiceId              varchar(150) NOT NULL,
    GrainTypeHash          integer      NOT NULL,
    GrainIdHash            integer      NOT NULL,
    GrainIdN0              bigint       NOT NULL,
    GrainIdN1              bigint       NOT NULL,
    GrainTypeString        varchar(512) NOT NULL,
    -- Empty, not NULL, when the grain key has no string part, so the unique key below is exact.
    GrainIdExtensionString varchar(512) NOT NULL DEFAULT '',
    PayloadBinary          bytea,
    ModifiedOn             timestamptz  NOT NULL DEFAULT now(),
    Version                integer      NOT NULL
);

CREATE UNIQUE INDEX IF NOT EXISTS OrleansStorage_Identity
    ON OrleansStorage (ServiceId, GrainTypeHash, GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeString, GrainIdExtensionString);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', '
    SELECT PayloadBinary, Version FROM OrleansStorage
     WHERE ServiceId = @ServiceId AND GrainTypeHash = @GrainTypeHash AND GrainIdHash = @GrainIdHash
       AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
       AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''');'),
-- One statement, the cost of an upsert: insert when no row exists (a first write, or a write after
-- DeleteStorageKey removed the row); otherwise update only when the caller holds the current
-- version. Anything else returns no row: a conflict.
('WriteToStorageKey', '
    INSERT INTO OrleansStorage AS s (ServiceId, GrainTypeHash, GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeString,
                                     GrainIdExtensionString, PayloadBinary, Version)
    VALUES (@ServiceId, @GrainTypeHash, @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeString,
            COALESCE(@GrainIdExtensionString, ''''), @PayloadBinary, COALESCE(CAST(@GrainStateVersion AS integer), 0) + 1)
    ON CONFLICT (ServiceId, GrainTypeHash, GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeString, GrainIdExtensionString)
    DO UPDATE SET PayloadBinary = EXCLUDED.PayloadBinary, ModifiedOn = now(), Version = s.Version + 1
     WHERE s.Version = CAST(@GrainStateVersion AS integer)
    RETURNING Version AS NewGrainStateVersion;'),
('ClearStorageKey', '
    UPDATE OrleansStorage
       SET PayloadBinary = NULL, ModifiedOn = now(), Version = Version + 1
     WHERE ServiceId = @ServiceId AND GrainTypeHash = @GrainTypeHash AND GrainIdHash = @GrainIdHash
       AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
       AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''')
       AND Version = CAST(@GrainStateVersion AS integer)
    RETURNING Version;'),
-- Used instead of ClearStorageKey when DeleteStateOnClear is set: removes the row and hands the
-- grain the next version, which WriteToStorageKey accepts for a row that no longer exists.
('DeleteStorageKey', '
    DELETE FROM OrleansStorage
     WHERE ServiceId = @ServiceId AND GrainTypeHash = @GrainTypeHash AND GrainIdHash = @GrainIdHash
       AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
       AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''')
       AND Version = CAST(@GrainStateVersion AS integer)
    RETURNING Version + 1;')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
