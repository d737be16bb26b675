using Microsoft.Extensions.Options;
using Npgsql;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Hosting;

namespace TicketGrains.Silo;

/// <summary>
/// `dotnet TicketGrains.Silo.dll migrate`: applies the schema as the owner role (ConnectionStrings:TicketGrainsOwner) and
/// grants the application role its privileges, then exits (0 when done, 1 with the reason when not). Run it before the
/// silos of a release start: they no longer migrate, and wait for it.
/// </summary>
public static class MigrateCommand
{
    public const string Name = "migrate";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddValidatedOptions<MigrationOptions>(MigrationOptions.Section);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(PostgresConnection.RequireOwner(builder.Configuration)));
        builder.Services.AddSingleton<SchemaMigrator>();
        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILogger<SchemaMigrator>>();
        try
        {
            var options = host.Services.GetRequiredService<IOptions<MigrationOptions>>().Value;
            var role = options.ApplicationRole is { Length: > 0 } named ? named : PostgresConnection.ApplicationRoleOf(builder.Configuration)
                ?? throw new InvalidOperationException(
                    "No application role to grant: set Migration__ApplicationRole (or ConnectionStrings__TicketGrains, whose user is taken).");
            await host.Services.GetRequiredService<SchemaMigrator>()
                .MigrateWithRetryAsync(role, options.RecreateMissingTables, options.WaitForDatabase, CancellationToken.None);
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or OptionsValidationException or NpgsqlException)
        {
            var hint = e is PostgresException { Hint: { Length: > 0 } h } ? $" ({h})" : "";
            logger.LogCritical("Migration failed: {Message}{Hint}", e.Message, hint);
            return 1;
        }
    }
}
