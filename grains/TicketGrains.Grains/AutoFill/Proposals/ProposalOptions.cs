using TicketGrains.Grains.Hosting;

namespace TicketGrains.Grains.AutoFill.Proposals;

/// <summary>The "AutoFill:Proposals" section: when a read field fills the ticket by itself, and how reading is paced.</summary>
public sealed class ProposalOptions : IValidatableOptions
{
    public const string Section = "AutoFill:Proposals";

    /// <summary>Whether silos read tickets for fields at all (the pipeline subscriber is registered only then).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The least confidence (0..1) at which a read field fills a ticket field that is still empty; below it, it is proposed.</summary>
    public double FillThreshold { get; set; } = 0.8;

    /// <summary>
    /// How many tickets are read at once (each ticket's items one after another, in log order). Images and voice notes
    /// are bounded again by their readers (<c>AutoFill:Ocr:MaxConcurrency</c>, <c>Speech:Concurrency</c>); most items are
    /// text, whose reading is a grain call and a commit, and two at a time fell behind a sale's creates (ADR 0031).
    /// </summary>
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>
    /// How many of those tickets may be reading an image or a voice note without a transcript at once. The others wait
    /// before their item's clock starts: sixteen notes queued at the one-at-a-time speech reader would otherwise spend
    /// their <see cref="ItemTimeout"/> in its queue, and the last of them be skipped unread.
    /// </summary>
    public int MediaConcurrency { get; set; } = 2;

    /// <summary>How long one item (a text, an image, a voice note) may take to read; then it is skipped and logged.</summary>
    public TimeSpan ItemTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public IEnumerable<string> Problems(string section)
    {
        if (FillThreshold is < 0 or > 1 || double.IsNaN(FillThreshold))
        {
            yield return $"{section}:FillThreshold must be between 0 and 1, not {FillThreshold}.";
        }

        if (MaxConcurrency is < 1 or > 64)
        {
            yield return $"{section}:MaxConcurrency must be between 1 and 64, not {MaxConcurrency}.";
        }

        if (MediaConcurrency < 1 || MediaConcurrency > MaxConcurrency)
        {
            yield return $"{section}:MediaConcurrency must be between 1 and MaxConcurrency ({MaxConcurrency}), not {MediaConcurrency}.";
        }

        if (ItemTimeout < TimeSpan.FromSeconds(1) || ItemTimeout > TimeSpan.FromMinutes(10))
        {
            yield return $"{section}:ItemTimeout must be between 00:00:01 and 00:10:00, not {ItemTimeout}.";
        }
    }
}
