-- Orleans membership: which silos exist, their liveness and the table version that makes every
-- membership change a compare-and-swap. Column names are what the Orleans provider reads back.
CREATE TABLE IF NOT EXISTS orleansmembershipversiontable (
    deploymentid varchar(150) NOT NULL PRIMARY KEY,
    timestamp    timestamptz  NOT NULL DEFAULT now(),
    version      integer      NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS orleansmembershiptable (
    deploymentid varchar(150) NOT NULL REFERENCES orleansmembershipversiontable (deploymentid),
    address      varchar(45)  NOT NULL,
    port         integer      NOT NULL,
    generation   integer      NOT NULL,
    siloname     varchar(150) NOT NULL,
    hostname     varchar(150) NOT NULL,
    status       integer      NOT NULL,
    proxyport    integer,
    suspecttimes text,
    metadatajson text,
    starttime    timestamptz  NOT NULL,
    iamalivetime timestamptz  NOT NULL,
    PRIMARY KEY (deploymentid, address, port, generation)
);

-- Adds a silo row and bumps the table version in one step, or does neither: a stale version or a
-- row that already exists returns 0 and the provider re-reads the table and tries again.
CREATE OR REPLACE FUNCTION tg_orleans_insert_member(
    p_deployment text, p_address text, p_port integer, p_generation integer, p_silo text,
    p_host text, p_status integer, p_proxy_port integer, p_start timestamptz,
    p_alive timestamptz, p_version integer)
RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
    UPDATE orleansmembershipversiontable
       SET version = version + 1, timestamp = now()
     WHERE deploymentid = p_deployment AND version = p_version;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;
    BEGIN
        INSERT INTO orleansmembershiptable (deploymentid, address, port, generation, siloname,
                                            hostname, status, proxyport, starttime, iamalivetime)
        VALUES (p_deployment, p_address, p_port, p_generation, p_silo,
                p_host, p_status, p_proxy_port, p_start, p_alive);
    EXCEPTION WHEN unique_violation THEN
        -- Undo the version bump too: the caller lost a race and must see the table unchanged.
        RAISE EXCEPTION USING ERRCODE = 'TG409', MESSAGE = 'membership row exists';
    END;
    RETURN 1;
EXCEPTION WHEN SQLSTATE 'TG409' THEN
    RETURN 0;
END $$;

-- Changes a silo's status and suspicions under the same version compare-and-swap.
CREATE OR REPLACE FUNCTION tg_orleans_update_member(
    p_deployment text, p_address text, p_port integer, p_generation integer, p_status integer,
    p_suspects text, p_alive timestamptz, p_version integer)
RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
    UPDATE orleansmembershipversiontable
       SET version = version + 1, timestamp = now()
     WHERE deploymentid = p_deployment AND version = p_version;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;
    UPDATE orleansmembershiptable
       SET status = p_status, suspecttimes = p_suspects, iamalivetime = p_alive
     WHERE deploymentid = p_deployment AND address = p_address
       AND port = p_port AND generation = p_generation;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'TG404', MESSAGE = 'membership row missing';
    END IF;
    RETURN 1;
EXCEPTION WHEN SQLSTATE 'TG404' THEN
    RETURN 0;
END $$;

INSERT INTO orleansquery (querykey, querytext) VALUES
('InsertMembershipVersionKey', $q$
    WITH added AS (
        INSERT INTO orleansmembershipversiontable (deploymentid) VALUES (@DeploymentId)
        ON CONFLICT (deploymentid) DO NOTHING
        RETURNING 1)
    SELECT count(*)::integer FROM added$q$),
('InsertMembershipKey', $q$
    SELECT tg_orleans_insert_member(@DeploymentId, @Address, @Port, @Generation, @SiloName,
        @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version)$q$),
('UpdateMembershipKey', $q$
    SELECT tg_orleans_update_member(@DeploymentId, @Address, @Port, @Generation, @Status,
        @SuspectTimes, @IAmAliveTime, @Version)$q$),
-- Heartbeats are deliberately outside the version protocol: they are frequent and only advisory.
('UpdateIAmAlivetimeKey', $q$
    UPDATE orleansmembershiptable SET iamalivetime = @IAmAliveTime
     WHERE deploymentid = @DeploymentId AND address = @Address
       AND port = @Port AND generation = @Generation$q$),
('MembershipReadRowKey', $q$
    SELECT v.deploymentid, m.address, m.port, m.generation, m.siloname, m.hostname, m.status,
           m.proxyport, m.suspecttimes, m.metadatajson, m.starttime, m.iamalivetime, v.version
      FROM orleansmembershipversiontable v
      LEFT JOIN orleansmembershiptable m
        ON m.deploymentid = v.deploymentid AND m.address = @Address
       AND m.port = @Port AND m.generation = @Generation
     WHERE v.deploymentid = @DeploymentId$q$),
('MembershipReadAllKey', $q$
    SELECT v.deploymentid, m.address, m.port, m.generation, m.siloname, m.hostname, m.status,
           m.proxyport, m.suspecttimes, m.metadatajson, m.starttime, m.iamalivetime, v.version
      FROM orleansmembershipversiontable v
      LEFT JOIN orleansmembershiptable m ON m.deploymentid = v.deploymentid
     WHERE v.deploymentid = @DeploymentId$q$),
('DeleteMembershipTableEntriesKey', $q$
    DELETE FROM orleansmembershiptable WHERE deploymentid = @DeploymentId;
    DELETE FROM orleansmembershipversiontable WHERE deploymentid = @DeploymentId$q$),
('GatewaysQueryKey', $q$
    SELECT address, proxyport, generation FROM orleansmembershiptable
     WHERE deploymentid = @DeploymentId AND status = @Status AND proxyport > 0$q$),
-- Only rows of silos already declared dead are ever removed; live or suspected silos stay.
('CleanupDefunctSiloEntriesKey', $q$
    DELETE FROM orleansmembershiptable
     WHERE deploymentid = @DeploymentId AND status = 6
       AND iamalivetime < @IAmAliveTime AND starttime < @IAmAliveTime$q$),
('CleanupDefunctSiloEntryKey', $q$
    DELETE FROM orleansmembershiptable
     WHERE deploymentid = @DeploymentId AND status = 6
       AND address = @Address AND port = @Port AND generation = @Generation
       AND iamalivetime = @IAmAliveTime AND starttime = @StartTime
       AND suspecttimes IS NOT DISTINCT FROM @SuspectTimes$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
