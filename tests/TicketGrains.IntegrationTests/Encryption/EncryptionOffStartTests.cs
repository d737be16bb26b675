using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Encryption;

/// <summary>
/// A silo run with encryption off and no master key at all (the bench's clear-text silo, a developer's first try)
/// starts and serves tickets. It died at start once: the channel directory, built at start-up by the pull catch-up,
/// asked for the master key to open channel settings.
/// </summary>
public sealed class EncryptionOffStartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private readonly ProcessGroup _processes = new();
    private TestDatabase? _database;

    [Fact]
    public Task A_silo_with_encryption_off_and_no_master_key_gets_ready_and_creates_tickets() => _processes.DiagnoseAsync(output, async () =>
    {
        // Later arguments win: the empty key replaces the one every test node is given.
        var silo = _processes.Add(NodeLauncher.StartSilo("silo+api (clear)", _database!, NodeLauncher.NewClusterId(), hostApi: true,
            "--Encryption:Enabled=false", "--Encryption:MasterKey="));
        await Readiness.WaitForHealthAsync(silo, Readiness.Deadline);
        using var http = new HttpClient { BaseAddress = silo.BaseAddress, Timeout = RequestTimeout };
        var api = new ApiClient(http, TicketRequests.NewTenant());

        var created = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Parcel never came", "logistics"))).Expect(HttpStatusCode.Created);

        Assert.Equal("Parcel never came", (await api.GetAsync(TicketRequests.Ticket(created.Id))).Expect(HttpStatusCode.OK).String("subject"));
    });

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        _processes.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
