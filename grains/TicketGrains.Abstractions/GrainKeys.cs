namespace TicketGrains.Abstractions;

/// <summary>
/// Grain keys always start with the tenant (shop) id, so no grain can ever hold two tenants' data.
/// </summary>
public static class GrainKeys
{
    public const char Separator = '/';

    public static string For(string tenantId, string localId) => string.Concat(tenantId, "/", localId);

    public static string For(string tenantId, Guid id) => For(tenantId, id.ToString("D"));

    /// <summary>Splits a key made by <see cref="For(string, string)"/> into tenant and local id.</summary>
    public static (string TenantId, string LocalId) Split(string key)
    {
        var slash = key.IndexOf(Separator, StringComparison.Ordinal);
        if (slash <= 0 || slash == key.Length - 1)
        {
            throw new ArgumentException($"Grain key '{key}' has no tenant prefix.", nameof(key));
        }

        return (key[..slash], key[(slash + 1)..]);
    }
}
