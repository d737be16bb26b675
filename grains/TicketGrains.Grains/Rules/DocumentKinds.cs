namespace TicketGrains.Grains.Rules;

/// <summary>The kinds of tenant documents in tg_rule_documents.</summary>
public static class DocumentKinds
{
    public const string Rule = "rule";
    public const string Template = "template";

    /// <summary>Which template the tenant applied last (id <see cref="CurrentApplied"/>; the document is its name).</summary>
    public const string Applied = "applied";
    public const string CurrentApplied = "current";
}
