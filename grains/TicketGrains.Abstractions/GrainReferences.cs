namespace TicketGrains.Abstractions;

/// <summary>
/// Grain references without the per-call type lookup. Orleans' GetGrain&lt;T&gt;(key) resolves the
/// interface's type by reflection and string formatting on every call; on the ticket-creation path
/// that was a seventh of all allocations, and again 6 % once new call sites had gone back to it. The
/// mapping from interface to grain type never changes within a process, so it is learnt from the
/// first reference and reused. GetGrain&lt;T&gt; with a key is a banned symbol in the product's
/// projects (BannedSymbols.txt), so a new call site cannot bring the lookup back.
/// </summary>
public static class GrainReferences
{
    public static T Reference<T>(this IGrainFactory grains, string key) where T : IGrainWithStringKey
    {
        if (Resolved<T>.Types is { } types)
        {
            return (T)grains.GetGrain(GrainId.Create(types.GrainType, key), types.InterfaceType);
        }

#pragma warning disable RS0030 // The one lookup this class exists to cache.
        var grain = grains.GetGrain<T>(key);
#pragma warning restore RS0030
        Learn<T>(grain);
        return grain;
    }

    public static T Reference<T>(this IGrainFactory grains, long key) where T : IGrainWithIntegerKey
    {
        if (Resolved<T>.Types is { } types)
        {
            return (T)grains.GetGrain(GrainId.Create(types.GrainType, GrainIdKeyExtensions.CreateIntegerKey(key)), types.InterfaceType);
        }

#pragma warning disable RS0030 // The one lookup this class exists to cache.
        var grain = grains.GetGrain<T>(key);
#pragma warning restore RS0030
        Learn<T>(grain);
        return grain;
    }

    private static void Learn<T>(T grain)
    {
        var reference = (GrainReference)(object)grain!;
        Resolved<T>.Types = new ResolvedTypes(reference.GrainId.Type, reference.InterfaceType);
    }

    private sealed record ResolvedTypes(GrainType GrainType, GrainInterfaceType InterfaceType);

    private static class Resolved<T>
    {
        public static ResolvedTypes? Types;
    }
}
