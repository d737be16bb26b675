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
    public void Defaults_fit_several_processes_prepare_repeated_statements_and_skip_the_reset_on_return()
    {
        var builder = Read("Host=db;Username=tg;Database=tg");

        Assert.Equal((PostgresConnection.DefaultPoolSize, 32, true), (builder.MaxPoolSize, builder.MaxAutoPrepare, builder.NoResetOnClose));
    }

    [Fact]
    public void Explicit_settings_are_kept()
    {
        var builder = Read("Host=db;Username=tg;Database=tg;Maximum Pool Size=7;Max Auto Prepare=5;No Reset On Close=false");

        Assert.Equal((7, 5, false), (builder.MaxPoolSize, builder.MaxAutoPrepare, builder.NoResetOnClose));
    }

    [Fact]
    public void Missing_connection_string_says_how_to_get_one()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PostgresConnection.Require(new ConfigurationBuilder().Build()));

        Assert.Contains("ConnectionStrings__TicketGrains", error.Message, StringComparison.Ordinal);
    }
}
