using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>
/// A PostgreSQL server of a test's own (initdb into a temporary folder, its own free port on 127.0.0.1), so the test
/// may stop and start it; the shared server of the other tests is never touched. As root the server runs as the
/// `postgres` OS user, as deploy/local/postgres.sh does.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private const string Superuser = "tg_admin";
    private const string ApplicationRole = "tg_app";
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);

    private readonly string _bin;
    private readonly string _folder;
    private readonly string _password = Guid.NewGuid().ToString("N");

    private ThrowawayPostgres(string bin, string folder, int port) => (_bin, _folder, Port) = (bin, folder, port);

    public int Port { get; }

    /// <summary>A superuser connection to the `postgres` database: what <see cref="TestDatabase"/> creates databases with.</summary>
    public string AdminConnectionString => Connection(Superuser);

    /// <summary>The admin and the application role (LOGIN only, as the silos connect), for <see cref="TestDatabase.CreateAsync(TestServer)"/>.</summary>
    public TestServer Server => new(AdminConnectionString, Connection(ApplicationRole));

    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>Initialises a cluster in a fresh temporary folder and starts it.</summary>
    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tg-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var server = new ThrowawayPostgres(FindBinaries(), folder, FreePorts.Next());
        if (IsRoot)
        {
            await RunAsync("chown", ["postgres:", folder], asPostgres: false);
        }

        var passwordFile = Path.Combine(folder, "password");
        await server.RunAsync("tee", [passwordFile], input: server._password);
        await server.RunAsync(Path.Combine(server._bin, "initdb"),
            ["-D", server.DataFolder, "-U", Superuser, $"--pwfile={passwordFile}", "--auth-local=peer", "--auth-host=scram-sha-256",
             "--encoding=UTF8", "--locale=C", "--no-sync"]);
        await server.StartAgainAsync();
        await using var admin = new NpgsqlConnection(server.AdminConnectionString);
        await admin.OpenAsync();
        await using var role = new NpgsqlCommand($"CREATE ROLE {ApplicationRole} LOGIN PASSWORD '{server._password}'", admin);
        await role.ExecuteNonQueryAsync();
        return server;
    }

    /// <summary>Starts the stopped server on the same port and folder; returns once it accepts connections.</summary>
    public async Task StartAgainAsync()
    {
        await RunAsync(Path.Combine(_bin, "pg_ctl"),
        [
            "start", "-D", DataFolder, "-l", Path.Combine(_folder, "postgres.log"), "-w", "-t",
            StartDeadline.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={_folder} -c max_connections=200",
        ]);
        // The test's own idle admin connections died with the previous server.
        using var admin = new NpgsqlConnection(AdminConnectionString);
        NpgsqlConnection.ClearPool(admin);
    }

    /// <summary>Stops the server at once, as a crash would (`pg_ctl stop -m immediate`): connections drop, nothing is flushed politely.</summary>
    public Task StopAsync() => RunAsync(Path.Combine(_bin, "pg_ctl"), ["stop", "-D", DataFolder, "-m", "immediate", "-w"]);

    /// <summary>The end of the server's log, for a failing test.</summary>
    public string LogTail(int lines)
    {
        var log = Path.Combine(_folder, "postgres.log");
        return File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(lines)) : "(no log)";
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            await StopAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private string Connection(string role) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Username = role, Password = _password, Database = "postgres",
    }.ConnectionString;

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>The newest installed server's bin folder (Debian keeps them under /usr/lib/postgresql/N/bin), or initdb's on PATH.</summary>
    private static string FindBinaries()
    {
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var version) ? version : 0).FirstOrDefault()
            : null;
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').FirstOrDefault(p => File.Exists(Path.Combine(p, "initdb")));
        return installed ?? onPath ?? throw new InvalidOperationException("No PostgreSQL server binaries (initdb): run deploy/local/postgres.sh start once.");
    }

    private Task RunAsync(string program, string[] arguments, string? input = null) => RunAsync(program, arguments, IsRoot, input);

    private static async Task RunAsync(string program, string[] arguments, bool asPostgres, string? input = null)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The postgres OS user may not enter the test's working directory.
            WorkingDirectory = "/",
        };
        foreach (var argument in asPostgres ? ["-u", "postgres", "--", program, .. arguments] : arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await errors}");
        }
    }
}
