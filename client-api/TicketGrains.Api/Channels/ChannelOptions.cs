using TicketGrains.Grains.Hosting;

namespace TicketGrains.Api.Channels;

/// <summary>The "Channels" section.</summary>
public sealed class ChannelOptions : IValidatableOptions
{
    public const string Section = "Channels";

    /// <summary>
    /// How often every pull-type channel (WeCom) is pulled without a signal, from each account's stored cursor, so a lost
    /// signal or a crash during a pull loses nothing. Zero turns the catch-up off.
    /// </summary>
    public TimeSpan CatchUpInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The e-mail channel's sub-section (Channels:Email): named here only so unknown keys stay refused in the rest of the
    /// section; it is bound, checked and used on its own as <see cref="Email.EmailChannelOptions"/>.
    /// </summary>
    public Email.EmailChannelOptions Email { get; set; } = new();

    /// <summary>The web channel's sub-section (Channels:Web), bound and checked on its own as <see cref="Web.WebChannelOptions"/>.</summary>
    public Web.WebChannelOptions Web { get; set; } = new();

    public IEnumerable<string> Problems(string section)
    {
        if (CatchUpInterval != TimeSpan.Zero && (CatchUpInterval < TimeSpan.FromSeconds(1) || CatchUpInterval > TimeSpan.FromHours(24)))
        {
            yield return $"{section}:CatchUpInterval must be 00:00:00 (off) or between 00:00:01 and 1.00:00:00, not {CatchUpInterval}.";
        }
    }
}
