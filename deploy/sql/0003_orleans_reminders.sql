-- Orleans reminders (durable timers): SLA deadlines survive a full cluster restart through these.
CREATE TABLE IF NOT EXISTS orleansreminderstable (
    serviceid    varchar(150) NOT NULL,
    grainid      varchar(150) NOT NULL,
    remindername varchar(150) NOT NULL,
    starttime    timestamptz  NOT NULL,
    period       bigint       NOT NULL,
    grainhash    integer      NOT NULL,
    version      integer      NOT NULL,
    PRIMARY KEY (serviceid, grainid, remindername)
);

-- Silos read reminders by ranges of the grain hash ring.
CREATE INDEX IF NOT EXISTS orleansreminders_hash ON orleansreminderstable (serviceid, grainhash);

INSERT INTO orleansquery (querykey, querytext) VALUES
('UpsertReminderRowKey', $q$
    INSERT INTO orleansreminderstable AS r
           (serviceid, grainid, remindername, starttime, period, grainhash, version)
    VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period::bigint, @GrainHash, 0)
    ON CONFLICT (serviceid, grainid, remindername) DO UPDATE
       SET starttime = excluded.starttime, period = excluded.period,
           grainhash = excluded.grainhash, version = r.version + 1
    RETURNING r.version$q$),
('ReadReminderRowsKey', $q$
    SELECT grainid, remindername, starttime, period, version FROM orleansreminderstable
     WHERE serviceid = @ServiceId AND grainid = @GrainId$q$),
('ReadReminderRowKey', $q$
    SELECT grainid, remindername, starttime, period, version FROM orleansreminderstable
     WHERE serviceid = @ServiceId AND grainid = @GrainId AND remindername = @ReminderName$q$),
-- A range that does not wrap around the ring.
('ReadRangeRows1Key', $q$
    SELECT grainid, remindername, starttime, period, version FROM orleansreminderstable
     WHERE serviceid = @ServiceId AND grainhash > @BeginHash AND grainhash <= @EndHash$q$),
-- A range that wraps: everything above the start or at/below the end.
('ReadRangeRows2Key', $q$
    SELECT grainid, remindername, starttime, period, version FROM orleansreminderstable
     WHERE serviceid = @ServiceId AND (grainhash > @BeginHash OR grainhash <= @EndHash)$q$),
('DeleteReminderRowKey', $q$
    WITH gone AS (
        DELETE FROM orleansreminderstable
         WHERE serviceid = @ServiceId AND grainid = @GrainId
           AND remindername = @ReminderName AND version = @Version
        RETURNING 1)
    SELECT count(*)::integer FROM gone$q$),
('DeleteReminderRowsKey', $q$
    DELETE FROM orleansreminderstable WHERE serviceid = @ServiceId$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
