using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh PostgreSQL database for one test class, dropped (WITH FORCE) at the end. It is split as in production: the
/// admin role owns and migrates it, silos and front ends get the application role's connection string.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _admin;
    private readonly string _applicationRole;

    private TestDatabase(TestServer server, string name)
    {
        (_admin, _applicationRole) = (server.Admin, new NpgsqlConnectionStringBuilder(server.Application).Username!);
        Name = name;
        OwnerConnectionString = new NpgsqlConnectionStringBuilder(server.Admin) { Database = name }.ConnectionString;
        ConnectionString = new NpgsqlConnectionStringBuilder(server.Application) { Database = name }.ConnectionString;
        _dataSource = NpgsqlDataSource.Create(OwnerConnectionString);
    }

    public string Name { get; }

    /// <summary>The application role's connection string: the one handed to silos and front ends.</summary>
    public string ConnectionString { get; }

    /// <summary>The owner role's connection string: what the migrate step connects with.</summary>
    public string OwnerConnectionString { get; }

    /// <summary>A new database with the schema migrated by its owner and granted to the application role.</summary>
    public static Task<TestDatabase> CreateAsync() => CreateAsync(TestServer.Shared);

    /// <summary>The same on another PostgreSQL server (a test's own, which it may stop).</summary>
    public static async Task<TestDatabase> CreateAsync(TestServer server)
    {
        var database = await CreateEmptyAsync(server);
        try
        {
            await database.MigrateAsync();
        }
        catch
        {
            // A database whose migration failed is dropped here: nobody else holds it to dispose of it.
            await database.DisposeAsync();
            throw;
        }

        return database;
    }

    /// <summary>A new database without any schema (the migrate step not run).</summary>
    public static Task<TestDatabase> CreateEmptyAsync() => CreateEmptyAsync(TestServer.Shared);

    private static async Task<TestDatabase> CreateEmptyAsync(TestServer server)
    {
        var name = "tg_it_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAdminAsync(server.Admin, $"CREATE DATABASE {name}");
        return new TestDatabase(server, name);
    }

    /// <summary>The migrate step's own code, in this process, as the owner.</summary>
    public Task MigrateAsync() =>
        new SchemaMigrator(_dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(_applicationRole, false, CancellationToken.None);

    /// <summary>Closes this helper's idle pooled connections: after its server restarted under them, each would fail once.</summary>
    public void ClearPool() => _dataSource.Clear();

    /// <summary>The first column of every row of a query with positional parameters ($1, $2, ...).</summary>
    public async Task<List<T>> ColumnAsync<T>(string sql, params object[] parameters)
    {
        await using var command = _dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    /// <summary>Runs statements as the database's owner (the role that migrates; not the one silos write with); returns the rows affected.</summary>
    public async Task<int> ExecuteAsync(string sql, params object[] parameters)
    {
        await using var command = _dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Rows as (key, value) pairs from a two-column query.</summary>
    public async Task<Dictionary<TKey, TValue>> PairsAsync<TKey, TValue>(string sql, params object[] parameters)
        where TKey : notnull
    {
        await using var command = _dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var pairs = new Dictionary<TKey, TValue>();
        while (await reader.ReadAsync())
        {
            pairs.Add(reader.GetFieldValue<TKey>(0), reader.GetFieldValue<TValue>(1));
        }

        return pairs;
    }

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        var deadline = DateTime.UtcNow + DropDeadline;
        while (true)
        {
            try
            {
                await ExecuteAdminAsync(_admin, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && DateTime.UtcNow < deadline)
            {
                // FORCE may not end an autovacuum worker (a superuser backend) that has just started on the fresh
                // database; it finishes within moments, so ask again until the deadline.
                await Task.Delay(DropRetryPause);
            }
        }
    }

    private static readonly TimeSpan DropDeadline = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan DropRetryPause = TimeSpan.FromMilliseconds(200);

    private static async Task ExecuteAdminAsync(string admin, string sql)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
