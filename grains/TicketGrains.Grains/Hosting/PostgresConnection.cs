using Microsoft.Extensions.Configuration;
using Npgsql;

namespace TicketGrains.Grains.Hosting;

/// <summary>
/// Reads the connection strings: <see cref="Name"/>, the application role every silo and front end connects as, and
/// <see cref="OwnerName"/>, the owner role only the migrate step uses.
/// </summary>
public static class PostgresConnection
{
    public const string Name = "TicketGrains";

    public const string OwnerName = "TicketGrainsOwner";

    /// <summary>Pool per process; several silos and front ends share PostgreSQL's max_connections.</summary>
    public const int DefaultPoolSize = 40;

    public static string Require(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString(Name);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"No PostgreSQL connection string: set ConnectionStrings__{Name} (./run.sh starts a local PostgreSQL and sets it).");
        }

        var builder = new NpgsqlConnectionStringBuilder(value);
        if (!Mentions(value, "Maximum Pool Size", "MaxPoolSize"))
        {
            builder.MaxPoolSize = DefaultPoolSize;
        }

        if (builder.MaxAutoPrepare == 0)
        {
            // The same few statements (the batch insert, Orleans' membership and reminder queries) run
            // all day: preparing them once per connection skips PostgreSQL's parse and plan each time.
            builder.MaxAutoPrepare = 32;
        }

        if (!Mentions(value, "No Reset On Close", "NoResetOnClose"))
        {
            // A pooled connection is otherwise reset with seven statements (RESET ALL, UNLISTEN *, ...) sent ahead of its
            // next command: more statements than the work itself when batches are small. Nothing here leaves session
            // state behind (no SET, no temporary tables, no advisory locks; the erasure listener holds its connection
            // for the life of the process).
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>The owner role's connection string, for the migrate step.</summary>
    public static string RequireOwner(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString(OwnerName);
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException(
                $"No owner connection string: set ConnectionStrings__{OwnerName} to the role that owns the schema (deploy/local/postgres.sh url prints it locally).")
            : value;
    }

    /// <summary>The role named in the application's connection string, or null when there is none.</summary>
    public static string? ApplicationRoleOf(IConfiguration configuration) =>
        configuration.GetConnectionString(Name) is { Length: > 0 } value ? new NpgsqlConnectionStringBuilder(value).Username : null;

    private static bool Mentions(string connectionString, params string[] keys) =>
        keys.Any(key => connectionString.Contains(key, StringComparison.OrdinalIgnoreCase));
}
