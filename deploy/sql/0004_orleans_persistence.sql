-- Orleans grain storage (used for agent profiles and stream pub-sub; tickets use the event log).
-- A grain is identified by hashes plus its full id; the hashes only narrow the index lookup.
CREATE TABLE IF NOT EXISTS orleansstorage (
    grainidhash            integer      NOT NULL,
    grainidn0              bigint       NOT NULL,
    grainidn1              bigint       NOT NULL,
    graintypehash          integer      NOT NULL,
    graintypestring        varchar(512) NOT NULL,
    grainidextensionstring varchar(512),
    serviceid              varchar(150) NOT NULL,
    payloadbinary          bytea,
    modifiedon             timestamptz  NOT NULL,
    version                integer
);

CREATE INDEX IF NOT EXISTS orleansstorage_lookup ON orleansstorage (grainidhash, graintypehash);

-- Version 0 / null means "never written": insert unless a concurrent writer got there first.
-- Otherwise update only when the caller holds the current version (optimistic concurrency).
-- The returned version is unchanged when the write lost, which Orleans reports as a conflict.
CREATE OR REPLACE FUNCTION tg_orleans_write_storage(
    p_id_hash integer, p_n0 bigint, p_n1 bigint, p_type_hash integer, p_type text,
    p_extension text, p_service text, p_version integer, p_payload bytea)
RETURNS TABLE (newgrainstateversion integer) LANGUAGE plpgsql AS $$
BEGIN
    IF p_version IS NULL THEN
        INSERT INTO orleansstorage (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring,
                                    grainidextensionstring, serviceid, payloadbinary, modifiedon, version)
        SELECT p_id_hash, p_n0, p_n1, p_type_hash, p_type, p_extension, p_service, p_payload, now(), 1
         WHERE NOT EXISTS (
            SELECT 1 FROM orleansstorage s
             WHERE s.grainidhash = p_id_hash AND s.graintypehash = p_type_hash
               AND s.grainidn0 = p_n0 AND s.grainidn1 = p_n1 AND s.graintypestring = p_type
               AND s.grainidextensionstring IS NOT DISTINCT FROM p_extension
               AND s.serviceid = p_service);
        RETURN QUERY SELECT CASE WHEN FOUND THEN 1 ELSE NULL END;
        RETURN;
    END IF;
    UPDATE orleansstorage s
       SET payloadbinary = p_payload, modifiedon = now(), version = s.version + 1
     WHERE s.grainidhash = p_id_hash AND s.graintypehash = p_type_hash
       AND s.grainidn0 = p_n0 AND s.grainidn1 = p_n1 AND s.graintypestring = p_type
       AND s.grainidextensionstring IS NOT DISTINCT FROM p_extension
       AND s.serviceid = p_service AND s.version = p_version;
    RETURN QUERY SELECT CASE WHEN FOUND THEN p_version + 1 ELSE p_version END;
END $$;

INSERT INTO orleansquery (querykey, querytext) VALUES
('WriteToStorageKey', $q$
    SELECT newgrainstateversion FROM tg_orleans_write_storage(@GrainIdHash, @GrainIdN0, @GrainIdN1,
        @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId,
        @GrainStateVersion, @PayloadBinary)$q$),
('ReadFromStorageKey', $q$
    SELECT payloadbinary, NULL::text AS payloadjson, NULL::xml AS payloadxml, now() AS modifiedon, version FROM orleansstorage
     WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
       AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1 AND graintypestring = @GrainTypeString
       AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
       AND serviceid = @ServiceId$q$),
('ClearStorageKey', $q$
    UPDATE orleansstorage
       SET payloadbinary = NULL, modifiedon = now(), version = version + 1
     WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
       AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1 AND graintypestring = @GrainTypeString
       AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
       AND serviceid = @ServiceId AND version = @GrainStateVersion
    RETURNING version AS newgrainstateversion$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
