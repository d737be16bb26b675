using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using TicketGrains.Grains.Hosting;

namespace TicketGrains.Grains.ReadModel;

/// <summary>
/// <c>dotnet TicketGrains.Silo.dll rebuild-read-model</c>: rebuilds tg_tickets from the event log and swaps it in, with
/// the cluster running or not. Connects as the owner role, like the migrate step (ConnectionStrings:TicketGrainsOwner, from
/// the environment or --key=value): it replaces a table the application role may not drop. It needs no encryption key (subjects are copied sealed, as the log holds them).
/// </summary>
public static class RebuildReadModelCommand
{
    public const string Name = "rebuild-read-model";

    /// <summary>Returns the process exit code: 0 when the new table is in place, 1 when tg_tickets was left as it was.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ReadModelRebuild));
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        try
        {
            await using var dataSource = NpgsqlDataSource.Create(PostgresConnection.RequireOwner(builder.Configuration));
            var summary = await ReadModelRebuild.RunAsync(dataSource, logger, stop.Token);
            Console.WriteLine($"rebuilt tg_tickets: {summary.Tickets} tickets from tg_events up to position {summary.Position}");
            return 0;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or OperationCanceledException)
        {
            logger.LogError(e, "The read model was not rebuilt; tg_tickets is as it was");
            return 1;
        }
    }
}
