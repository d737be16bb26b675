namespace TicketGrains.Grains.Encryption;

/// <summary>A customer's unwrapped data keys by version; null marks a version destroyed by an erasure.</summary>
public sealed class CustomerKeys(IReadOnlyDictionary<int, byte[]?> byVersion)
{
    public static CustomerKeys None { get; } = new(new Dictionary<int, byte[]?>());

    public IReadOnlyDictionary<int, byte[]?> ByVersion => byVersion;

    public int NewestVersion => byVersion.Count == 0 ? 0 : byVersion.Keys.Max();

    /// <summary>The version new values are sealed with: the newest, unless it was erased (then a new one is needed).</summary>
    public int? CurrentVersion => byVersion.GetValueOrDefault(NewestVersion) is not null ? NewestVersion : null;

    public CustomerKeys With(int version, byte[] key) => new(new Dictionary<int, byte[]?>(byVersion) { [version] = key });
}
