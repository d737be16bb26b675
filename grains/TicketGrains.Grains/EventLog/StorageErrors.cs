using Npgsql;
using TicketGrains.Abstractions.Errors;

namespace TicketGrains.Grains.EventLog;

/// <summary>Translates driver failures into errors Orleans can carry across the grain boundary.</summary>
public static class StorageErrors
{
    public const string UndefinedTable = "42P01";

    public static bool IsMissingTable(Exception e) => e is PostgresException { SqlState: UndefinedTable };

    /// <summary>The driver or the connection failed (not a conflict or a bug of the caller's): the database is unavailable.</summary>
    public static bool IsDatabaseFailure(Exception e) => e is NpgsqlException or TimeoutException or IOException;

    /// <summary>Runs a database call, turning its failures into <see cref="Translate"/>'s errors.</summary>
    public static async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e)
        {
            throw Translate(e);
        }
    }

    public static TicketGrainsException Translate(Exception e) => e switch
    {
        TicketGrainsException own => own,
        PostgresException { SqlState: UndefinedTable } pg => new SchemaMissingException(
            $"A durable table is missing ({pg.MessageText}); refused until it is restored from a backup and the service restarted."),
        PostgresException pg => new StorageUnavailableException($"The database refused the operation ({pg.SqlState})."),
        NpgsqlException or TimeoutException or IOException => new StorageUnavailableException("The database is unreachable."),
        OperationCanceledException => new StorageUnavailableException("The database did not answer in time."),
        _ => new StorageUnavailableException("The event log failed: " + e.GetType().Name),
    };
}
