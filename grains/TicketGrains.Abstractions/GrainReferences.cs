namespace TicketGrains.Abstractions;

/// <summary>
/// Grain references without the per-call type lookup. Orleans' GetGrain&lt;T&gt;(string) resolves the
/// interface's type by reflection and string formatting on every call; on the ticket-creation path
/// that was a seventh of all allocations. The mapping from interface to grain type never changes
/// within a process, so it is learnt from the first reference and reused.
/// </summary>
public static class GrainReferences
{
    public static T Reference<T>(this IGrainFactory grains, string key) where T : IGrainWithStringKey
    {
        if (Resolved<T>.Types is { } types)
        {
            return (T)grains.GetGrain(GrainId.Create(types.GrainType, key), types.InterfaceType);
        }

        var grain = grains.GetGrain<T>(key);
        var reference = (GrainReference)(object)grain;
        Resolved<T>.Types = new ResolvedTypes(reference.GrainId.Type, reference.InterfaceType);
        return grain;
    }

    private sealed record ResolvedTypes(GrainType GrainType, GrainInterfaceType InterfaceType);

    private static class Resolved<T>
    {
        public static ResolvedTypes? Types;
    }
}
