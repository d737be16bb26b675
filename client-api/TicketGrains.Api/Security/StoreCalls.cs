using Npgsql;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Api.Security;

/// <summary>Database calls of the security stores: a PostgreSQL outage becomes a 503 with Retry-After, not a 500.</summary>
public static class StoreCalls
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw StorageErrors.Translate(e);
        }
    }
}
