namespace TicketGrains.Grains.Rules;

/// <summary>The kinds of tenant documents in tg_rule_documents.</summary>
public static class DocumentKinds
{
    public const string Rule = "rule";
    public const string Template = "template";

    /// <summary>Where a surging category's new tickets go (id: the category; the document: the queue, empty once the surge ended).</summary>
    public const string SurgeRoute = "surge-route";

    /// <summary>Which template the tenant applied last (id <see cref="CurrentApplied"/>; the document is its name).</summary>
    public const string Applied = "applied";
    public const string CurrentApplied = "current";
}
