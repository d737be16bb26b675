using Microsoft.Extensions.Configuration;
using Npgsql;
using TicketGrains.Grains.Hosting;
using Xunit;

namespace TicketGrains.Tests.Hosting;

public sealed class PostgresConnectionTests
{
    private static NpgsqlConnectionStringBuilder Read(string connectionString) =>
        new(PostgresConnection.Require(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:TicketGrains"] = connectionString })
            .Build()));

    [Fact]
    public void Defaults_fit_several_processes_and_prepare_repeated_statements()
    {
        var builder = Read("Host=db;Username=tg;Database=tg");

        Assert.Equal((PostgresConnection.DefaultPoolSize, 32), (builder.MaxPoolSize, builder.MaxAutoPrepare));
    }

    [Fact]
    public void Explicit_settings_are_kept()
    {
        var builder = Read("Host=db;Username=tg;Database=tg;Maximum Pool Size=7;Max Auto Prepare=5");

        Assert.Equal((7, 5), (builder.MaxPoolSize, builder.MaxAutoPrepare));
    }

    [Fact]
    public void Missing_connection_string_says_how_to_get_one()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PostgresConnection.Require(new ConfigurationBuilder().Build()));

        Assert.Contains("ConnectionStrings__TicketGrains", error.Message, StringComparison.Ordinal);
    }
}
