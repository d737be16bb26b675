using System.Globalization;

namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>What Orleans keeps in PostgreSQL (membership, reminders), read directly to observe the cluster from outside.</summary>
public static class OrleansTables
{
    /// <summary>SiloStatus.Active in the membership table.</summary>
    public const int Active = 3;

    /// <summary>SiloStatus.Dead in the membership table.</summary>
    public const int Dead = 6;

    public static async Task<long> CountSilosAsync(TestDatabase database, string clusterId, int status) =>
        (await database.ColumnAsync<long>(
            "SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = $1 AND status = $2", clusterId, status)).Single();

    /// <summary>The status of the newest generation of the silo on that port, or null before it registered.</summary>
    public static async Task<int?> StatusOfAsync(TestDatabase database, string clusterId, int siloPort)
    {
        var statuses = await database.ColumnAsync<int>(
            "SELECT status FROM orleansmembershiptable WHERE deploymentid = $1 AND port = $2 ORDER BY generation DESC LIMIT 1", clusterId, siloPort);
        return statuses.Count == 0 ? null : statuses[0];
    }

    /// <summary>
    /// The newest generation of the silo on that port: its status, how many suspicion votes were cast against it (the
    /// suspecttimes column, "silo, time" entries separated by '|'), and its last heartbeat; null before it registered.
    /// </summary>
    public static async Task<(int Status, int Suspicions, DateTimeOffset IAmAlive)?> MemberAsync(TestDatabase database, string clusterId, int siloPort)
    {
        var rows = await database.ColumnAsync<string[]>(
            "SELECT ARRAY[status::text, coalesce(suspecttimes, ''), (extract(epoch FROM iamalivetime) * 1000)::bigint::text] " +
            "FROM orleansmembershiptable WHERE deploymentid = $1 AND port = $2 ORDER BY generation DESC LIMIT 1", clusterId, siloPort);
        if (rows.Count == 0)
        {
            return null;
        }

        var (status, suspects, alive) = (rows[0][0], rows[0][1], rows[0][2]);
        return (int.Parse(status, CultureInfo.InvariantCulture),
            suspects.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length,
            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(alive, CultureInfo.InvariantCulture)));
    }

    /// <summary>Whether a reminder of that name is stored for a grain whose key ends with the given text.</summary>
    public static async Task<bool> HasReminderAsync(TestDatabase database, string reminderName, string grainKeySuffix) =>
        (await database.ColumnAsync<long>(
            "SELECT count(*) FROM orleansreminderstable WHERE remindername = $1 AND grainid LIKE '%' || $2", reminderName, grainKeySuffix))
        .Single() > 0;
}
