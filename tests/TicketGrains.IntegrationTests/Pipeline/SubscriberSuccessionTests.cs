using Npgsql;
using TicketGrains.Grains.Pipeline;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Pipeline;

/// <summary>
/// A subscriber that took over part of another's work (identity linking, once done by the inbound ticket work) starts
/// where that one got to, so an existing log is neither skipped nor handled again from its first event.
/// </summary>
public sealed class SubscriberSuccessionTests : MigratedDatabaseTest
{
    [Fact]
    public async Task A_successor_opens_at_its_predecessors_checkpoint_once_and_keeps_its_own_after()
    {
        await using var source = NpgsqlDataSource.Create(Database.ConnectionString);
        var store = new PostgresSubscriptionStore(source);
        await store.OpenAsync("files-and-links", SubscriberStart.Beginning, null, null, CancellationToken.None);
        await store.SaveAsync("files-and-links", new Checkpoint(812, 40), CancellationToken.None);

        var successor = await store.OpenAsync("links", SubscriberStart.Beginning, "files-and-links", null, CancellationToken.None);
        await store.SaveAsync("files-and-links", new Checkpoint(900, 55), CancellationToken.None);
        var reopened = await store.OpenAsync("links", SubscriberStart.Beginning, "files-and-links", null, CancellationToken.None);

        Assert.Equal(new Checkpoint(812, 40), successor);
        Assert.Equal(successor, reopened);
    }

    [Fact]
    public async Task A_predecessor_opening_first_gives_the_successor_its_checkpoint_from_before_its_first_page()
    {
        await using var source = NpgsqlDataSource.Create(Database.ConnectionString);
        var store = new PostgresSubscriptionStore(source);
        // Stored by the release that still did both.
        await store.OpenAsync("files-and-links", SubscriberStart.Beginning, null, null, CancellationToken.None);
        await store.SaveAsync("files-and-links", new Checkpoint(812, 40), CancellationToken.None);

        // The new release's predecessor opens first and files further pages without linking them.
        var predecessor = await store.OpenAsync("files-and-links", SubscriberStart.Beginning, null, "links", CancellationToken.None);
        await store.SaveAsync("files-and-links", new Checkpoint(900, 55), CancellationToken.None);
        var successor = await store.OpenAsync("links", SubscriberStart.Beginning, "files-and-links", null, CancellationToken.None);
        await store.SaveAsync("links", new Checkpoint(950, 60), CancellationToken.None);
        await store.OpenAsync("files-and-links", SubscriberStart.Beginning, null, "links", CancellationToken.None);
        var reopened = await store.OpenAsync("links", SubscriberStart.Beginning, "files-and-links", null, CancellationToken.None);

        Assert.Equal(new Checkpoint(812, 40), predecessor);
        Assert.Equal(new Checkpoint(812, 40), successor);
        Assert.Equal(new Checkpoint(950, 60), reopened);
    }

    [Fact]
    public async Task A_successor_whose_predecessor_never_ran_starts_where_its_own_start_says()
    {
        await using var source = NpgsqlDataSource.Create(Database.ConnectionString);
        var store = new PostgresSubscriptionStore(source);

        var fromBeginning = await store.OpenAsync("links", SubscriberStart.Beginning, "never-ran", null, CancellationToken.None);
        var fromNow = await store.OpenAsync("links-now", SubscriberStart.Now, "never-ran", null, CancellationToken.None);

        Assert.Equal(Checkpoint.Beginning, fromBeginning);
        Assert.True(fromNow.TransactionId > 0, $"a start from now is the oldest running transaction, got {fromNow}");
    }
}
