namespace TicketGrains.Abstractions.Catalog;

/// <summary>Customer tiers from lowest to highest; the index is the rank a queue ordered by tier puts first.</summary>
public static class CustomerTiers
{
    private static readonly string[] Ranked = ["regular", "silver", "gold", "vip"];

    public static int Rank(string? tier) => tier is null ? 0 : Math.Max(0, Array.IndexOf(Ranked, tier));
}
