namespace TicketGrains.Grains.Channels;

/// <summary>Where pull-type channels have read up to, per account; <see cref="PullCursorStore"/> keeps it in PostgreSQL.</summary>
public interface IPullCursorStore
{
    Task<string?> ReadAsync(string tenant, Guid channelId, string account, CancellationToken cancellationToken);

    /// <summary>The accounts of the channel that were pulled before (what a catch-up pull resumes).</summary>
    Task<List<string>> AccountsAsync(string tenant, Guid channelId, CancellationToken cancellationToken);

    Task SaveAsync(string tenant, Guid channelId, string account, string cursor, DateTimeOffset at, CancellationToken cancellationToken);
}
