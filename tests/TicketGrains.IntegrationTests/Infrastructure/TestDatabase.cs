using Npgsql;

namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>A fresh PostgreSQL database for one test class, dropped (WITH FORCE) at the end.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _admin;

    private TestDatabase(string admin, string name, string connectionString)
    {
        _admin = admin;
        Name = name;
        ConnectionString = connectionString;
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string Name { get; }

    /// <summary>The connection string handed to silos and front ends.</summary>
    public string ConnectionString { get; }

    public static Task<TestDatabase> CreateAsync() => CreateAsync(TestSettings.AdminConnectionString);

    /// <summary>A fresh database on the server that admin (a role with CREATEDB) connects to.</summary>
    public static async Task<TestDatabase> CreateAsync(string admin)
    {
        var name = "tg_it_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAdminAsync(admin, $"CREATE DATABASE {name}");
        return new TestDatabase(admin, name, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
    }

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

    /// <summary>Runs statements as the database's owner (the role the silo migrates and writes with); returns the rows affected.</summary>
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
