using TicketGrains.Grains.Hosting;

namespace TicketGrains.Grains.Attachments;

/// <summary>The "Attachments" section: the largest file of each kind (bytes), whichever way it arrives, and how channel media are fetched.</summary>
public sealed class AttachmentOptions : IValidatableOptions
{
    public const string Section = "Attachments";

    /// <summary>No limit may be set above this: files are held whole in memory while checked, sealed and stored.</summary>
    public const long Ceiling = 64L * 1024 * 1024;

    public long ImageMaxBytes { get; set; } = 10L * 1024 * 1024;

    public long AudioMaxBytes { get; set; } = 10L * 1024 * 1024;

    public long VideoMaxBytes { get; set; } = 25L * 1024 * 1024;

    public long DocumentMaxBytes { get; set; } = 20L * 1024 * 1024;

    public long TextMaxBytes { get; set; } = 1L * 1024 * 1024;

    /// <summary>Attempts at a channel message's media before a passing failure (timeout, busy platform) is final.</summary>
    public int FetchAttempts { get; set; } = 8;

    /// <summary>How often each front end looks for channel media due to be fetched.</summary>
    public TimeSpan FetchPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a taken fetch is its front end's: one that dies holding it leaves it due again after this.</summary>
    public TimeSpan FetchLease { get; set; } = TimeSpan.FromMinutes(2);

    public long MaxBytesFor(string kind) => kind switch
    {
        FileKinds.Image => ImageMaxBytes,
        FileKinds.Audio => AudioMaxBytes,
        FileKinds.Video => VideoMaxBytes,
        FileKinds.Document => DocumentMaxBytes,
        FileKinds.Text => TextMaxBytes,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a file kind."),
    };

    /// <summary>The largest file of any kind: how much an upload may send before its type is known.</summary>
    public long LargestBytes => FileKinds.All.Max(MaxBytesFor);

    public IEnumerable<string> Problems(string section)
    {
        foreach (var (key, value) in new[]
        {
            (nameof(ImageMaxBytes), ImageMaxBytes), (nameof(AudioMaxBytes), AudioMaxBytes), (nameof(VideoMaxBytes), VideoMaxBytes),
            (nameof(DocumentMaxBytes), DocumentMaxBytes), (nameof(TextMaxBytes), TextMaxBytes),
        })
        {
            if (value is < 1 or > Ceiling)
            {
                yield return $"{section}:{key} must be between 1 and {Ceiling}, not {value}.";
            }
        }

        if (FetchAttempts is < 1 or > 100)
        {
            yield return $"{section}:FetchAttempts must be between 1 and 100, not {FetchAttempts}.";
        }

        if (FetchPollInterval < TimeSpan.FromMilliseconds(10) || FetchPollInterval > TimeSpan.FromMinutes(10))
        {
            yield return $"{section}:FetchPollInterval must be between 00:00:00.010 and 00:10:00, not {FetchPollInterval}.";
        }

        if (FetchLease < TimeSpan.FromSeconds(10) || FetchLease > TimeSpan.FromHours(1))
        {
            yield return $"{section}:FetchLease must be between 00:00:10 and 01:00:00, not {FetchLease}.";
        }
    }
}
