using System.Globalization;

namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// A place in the committed-event log: (tg_events.tx_id, tg_events.position), the order in which the log is read.
/// Its text form is the live feed's SSE <c>id</c>, opaque to clients: they only send it back as <c>Last-Event-ID</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.LogKey")]
public readonly record struct LogKey([property: Id(0)] ulong TransactionId, [property: Id(1)] long Position) : IComparable<LogKey>
{
    /// <summary>Before every event.</summary>
    public static readonly LogKey Start = new(0, 0);

    public int CompareTo(LogKey other) =>
        TransactionId != other.TransactionId ? TransactionId.CompareTo(other.TransactionId) : Position.CompareTo(other.Position);

    public static bool operator <(LogKey left, LogKey right) => left.CompareTo(right) < 0;

    public static bool operator >(LogKey left, LogKey right) => left.CompareTo(right) > 0;

    public static bool operator <=(LogKey left, LogKey right) => left.CompareTo(right) <= 0;

    public static bool operator >=(LogKey left, LogKey right) => left.CompareTo(right) >= 0;

    public override string ToString() =>
        TransactionId.ToString(CultureInfo.InvariantCulture) + "-" + Position.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads the text form exactly as <see cref="ToString"/> writes it: two decimal numbers joined by '-'.</summary>
    public static bool TryParse(string? text, out LogKey key)
    {
        key = Start;
        var dash = text?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (dash <= 0 || !IsDigits(text.AsSpan(0, dash)) || !IsDigits(text.AsSpan(dash + 1))
            || !ulong.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var transaction)
            || !long.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return false;
        }

        key = new LogKey(transaction, position);
        return true;
    }

    // Digits only and no leading zeros, so one key has one spelling.
    private static bool IsDigits(ReadOnlySpan<char> text) =>
        text.Length is > 0 and <= 20 && (text.Length == 1 || text[0] != '0') && !text.ContainsAnyExcept("0123456789");
}
