-- Durable Orleans streams (Microsoft.Orleans.Streaming.AdoNet 10.4.2-alpha.1, PostgreSQL).
-- The package ships no SQL: these tables and functions implement the six query keys it reads from
-- OrleansQuery at start-up, with the parameter names and result columns it binds.
--
-- Semantics the provider relies on: a message is leased by GetStreamMessages (Dequeued + 1, hidden
-- until VisibleOn), deleted by ConfirmStreamMessages only when the receipt (its Dequeued count)
-- still matches, made visible again by FailStreamMessage while attempts remain, and moved to the
-- dead-letter table once it ran out of attempts or outlived its expiry. Dead letters are kept for
-- operators (Warden lists and replays them) until their removal time.

CREATE SEQUENCE IF NOT EXISTS OrleansStreamMessageSequence AS bigint;

CREATE TABLE IF NOT EXISTS OrleansStreamMessage
(
    ServiceId  varchar(150) NOT NULL,
    ProviderId varchar(150) NOT NULL,
    QueueId    varchar(150) NOT NULL,
    MessageId  bigint       NOT NULL,
    Dequeued   integer      NOT NULL,
    VisibleOn  timestamptz  NOT NULL,
    ExpiresOn  timestamptz  NOT NULL,
    CreatedOn  timestamptz  NOT NULL,
    ModifiedOn timestamptz  NOT NULL,
    Payload    bytea        NOT NULL,
    PRIMARY KEY (ServiceId, ProviderId, QueueId, MessageId)
);

CREATE TABLE IF NOT EXISTS OrleansStreamDeadLetter
(
    ServiceId  varchar(150) NOT NULL,
    ProviderId varchar(150) NOT NULL,
    QueueId    varchar(150) NOT NULL,
    MessageId  bigint       NOT NULL,
    Dequeued   integer      NOT NULL,
    VisibleOn  timestamptz  NOT NULL,
    ExpiresOn  timestamptz  NOT NULL,
    CreatedOn  timestamptz  NOT NULL,
    ModifiedOn timestamptz  NOT NULL,
    DeadOn     timestamptz  NOT NULL,
    RemoveOn   timestamptz  NOT NULL,
    Payload    bytea,
    PRIMARY KEY (ServiceId, ProviderId, QueueId, MessageId)
);

-- When each queue last swept expired messages and dead letters: one sweeper per interval.
CREATE TABLE IF NOT EXISTS OrleansStreamControl
(
    ServiceId  varchar(150) NOT NULL,
    ProviderId varchar(150) NOT NULL,
    QueueId    varchar(150) NOT NULL,
    EvictOn    timestamptz  NOT NULL,
    PRIMARY KEY (ServiceId, ProviderId, QueueId)
);

CREATE OR REPLACE FUNCTION warden_stream_enqueue(p_service varchar, p_provider varchar, p_queue varchar, p_payload bytea, p_expiry_seconds integer)
RETURNS TABLE (ServiceId varchar, ProviderId varchar, QueueId varchar, MessageId bigint)
LANGUAGE sql AS $$
    INSERT INTO OrleansStreamMessage AS m (ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn, Payload)
    VALUES (p_service, p_provider, p_queue, nextval('OrleansStreamMessageSequence'), 0, now(), now() + make_interval(secs => p_expiry_seconds), now(), now(), p_payload)
    RETURNING m.ServiceId, m.ProviderId, m.QueueId, m.MessageId;
$$;

-- Moves messages that can no longer be delivered (attempts used up and last lease over, or expired) to dead letters.
CREATE OR REPLACE PROCEDURE warden_stream_evict(p_service varchar, p_provider varchar, p_queue varchar, p_batch integer, p_max_attempts integer, p_removal_seconds integer)
LANGUAGE sql AS $$
    WITH doomed AS (
        SELECT m.MessageId FROM OrleansStreamMessage m
         WHERE m.ServiceId = p_service AND m.ProviderId = p_provider AND m.QueueId = p_queue
           AND ((m.Dequeued >= p_max_attempts AND m.VisibleOn <= now()) OR m.ExpiresOn <= now())
         ORDER BY m.MessageId
         LIMIT p_batch
           FOR UPDATE SKIP LOCKED),
    moved AS (
        DELETE FROM OrleansStreamMessage m USING doomed d
         WHERE m.ServiceId = p_service AND m.ProviderId = p_provider AND m.QueueId = p_queue AND m.MessageId = d.MessageId
        RETURNING m.*)
    INSERT INTO OrleansStreamDeadLetter (ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn, DeadOn, RemoveOn, Payload)
    SELECT ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn, now(), now() + make_interval(secs => p_removal_seconds), Payload
      FROM moved
        ON CONFLICT DO NOTHING;
$$;

CREATE OR REPLACE PROCEDURE warden_stream_evict_dead_letters(p_service varchar, p_provider varchar, p_queue varchar, p_batch integer)
LANGUAGE sql AS $$
    DELETE FROM OrleansStreamDeadLetter d
     WHERE (d.ServiceId, d.ProviderId, d.QueueId, d.MessageId) IN (
           SELECT x.ServiceId, x.ProviderId, x.QueueId, x.MessageId FROM OrleansStreamDeadLetter x
            WHERE x.ServiceId = p_service AND x.ProviderId = p_provider AND x.QueueId = p_queue AND x.RemoveOn <= now()
            ORDER BY x.MessageId LIMIT p_batch FOR UPDATE SKIP LOCKED);
$$;

CREATE OR REPLACE FUNCTION warden_stream_dequeue(
    p_service varchar, p_provider varchar, p_queue varchar, p_max_count integer, p_max_attempts integer,
    p_visibility_seconds integer, p_removal_seconds integer, p_eviction_seconds integer, p_eviction_batch integer)
RETURNS TABLE (ServiceId varchar, ProviderId varchar, QueueId varchar, MessageId bigint, Dequeued integer,
               VisibleOn timestamptz, ExpiresOn timestamptz, CreatedOn timestamptz, ModifiedOn timestamptz, Payload bytea)
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO OrleansStreamControl AS c (ServiceId, ProviderId, QueueId, EvictOn)
    VALUES (p_service, p_provider, p_queue, now())
        ON CONFLICT ON CONSTRAINT orleansstreamcontrol_pkey DO NOTHING;

    -- Whoever moves the sweep time forward sweeps; the others go straight to dequeuing.
    UPDATE OrleansStreamControl AS c SET EvictOn = now() + make_interval(secs => p_eviction_seconds)
     WHERE c.ServiceId = p_service AND c.ProviderId = p_provider AND c.QueueId = p_queue AND c.EvictOn <= now();
    IF FOUND THEN
        CALL warden_stream_evict(p_service, p_provider, p_queue, p_eviction_batch, p_max_attempts, p_removal_seconds);
        CALL warden_stream_evict_dead_letters(p_service, p_provider, p_queue, p_eviction_batch);
    END IF;

    RETURN QUERY
    WITH due AS (
        SELECT m.MessageId FROM OrleansStreamMessage m
         WHERE m.ServiceId = p_service AND m.ProviderId = p_provider AND m.QueueId = p_queue
           AND m.Dequeued < p_max_attempts AND m.VisibleOn <= now() AND m.ExpiresOn > now()
         ORDER BY m.MessageId
         LIMIT p_max_count
           FOR UPDATE SKIP LOCKED)
    UPDATE OrleansStreamMessage AS m
       SET Dequeued = m.Dequeued + 1, VisibleOn = now() + make_interval(secs => p_visibility_seconds), ModifiedOn = now()
      FROM due
     WHERE m.ServiceId = p_service AND m.ProviderId = p_provider AND m.QueueId = p_queue AND m.MessageId = due.MessageId
    RETURNING m.ServiceId, m.ProviderId, m.QueueId, m.MessageId, m.Dequeued, m.VisibleOn, m.ExpiresOn, m.CreatedOn, m.ModifiedOn, m.Payload;
END;
$$;

-- p_items is "messageId:dequeued|messageId:dequeued|…": a receipt confirms only the lease it came from.
CREATE OR REPLACE FUNCTION warden_stream_confirm(p_service varchar, p_provider varchar, p_queue varchar, p_items text)
RETURNS TABLE (ServiceId varchar, ProviderId varchar, QueueId varchar, MessageId bigint)
LANGUAGE sql AS $$
    WITH receipts AS (
        SELECT split_part(item, ':', 1)::bigint AS message_id, split_part(item, ':', 2)::integer AS dequeued
          FROM unnest(string_to_array(p_items, '|')) AS item
         WHERE item <> '')
    DELETE FROM OrleansStreamMessage AS m USING receipts r
     WHERE m.ServiceId = p_service AND m.ProviderId = p_provider AND m.QueueId = p_queue
       AND m.MessageId = r.message_id AND m.Dequeued = r.dequeued
    RETURNING m.ServiceId, m.ProviderId, m.QueueId, m.MessageId;
$$;

-- A delivery failed: visible again at once while attempts remain, otherwise a dead letter.
CREATE OR REPLACE PROCEDURE warden_stream_fail(p_service varchar, p_provider varchar, p_queue varchar, p_message bigint, p_max_attempts integer, p_removal_seconds integer)
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE OrleansStreamMessage AS m SET VisibleOn = now(), ModifiedOn = now()
     WHERE m.ServiceId = p_service AND m.ProviderId = p_provider AND m.QueueId = p_queue AND m.MessageId = p_message
       AND m.Dequeued < p_max_attempts;
    IF FOUND THEN
        RETURN;
    END IF;

    WITH moved AS (
        DELETE FROM OrleansStreamMessage m
         WHERE m.ServiceId = p_service AND m.ProviderId = p_provider AND m.QueueId = p_queue AND m.MessageId = p_message
        RETURNING m.*)
    INSERT INTO OrleansStreamDeadLetter (ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn, DeadOn, RemoveOn, Payload)
    SELECT ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn, now(), now() + make_interval(secs => p_removal_seconds), Payload
      FROM moved
        ON CONFLICT DO NOTHING;
END;
$$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('QueueStreamMessageKey',
 'SELECT * FROM warden_stream_enqueue(@ServiceId, @ProviderId, @QueueId, @Payload, @ExpiryTimeout)'),
('GetStreamMessagesKey',
 'SELECT * FROM warden_stream_dequeue(@ServiceId, @ProviderId, @QueueId, @MaxCount, @MaxAttempts, @VisibilityTimeout, @RemovalTimeout, @EvictionInterval, @EvictionBatchSize)'),
('ConfirmStreamMessagesKey',
 'SELECT * FROM warden_stream_confirm(@ServiceId, @ProviderId, @QueueId, @Items)'),
('FailStreamMessageKey',
 'CALL warden_stream_fail(@ServiceId, @ProviderId, @QueueId, @MessageId, @MaxAttempts, @RemovalTimeout)'),
('EvictStreamMessagesKey',
 'CALL warden_stream_evict(@ServiceId, @ProviderId, @QueueId, @BatchSize, @MaxAttempts, @RemovalTimeout)'),
('EvictStreamDeadLettersKey',
 'CALL warden_stream_evict_dead_letters(@ServiceId, @ProviderId, @QueueId, @BatchSize)')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
