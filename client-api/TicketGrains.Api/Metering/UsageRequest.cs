using System.Globalization;
using TicketGrains.Api.Tickets;
using TicketGrains.Grains.Metering;

namespace TicketGrains.Api.Metering;

/// <summary>A validated usage request: from and to ISO 8601 instants (with Z or an offset), from before to, within the granularity's span.</summary>
public sealed record UsageRequest(DateTimeOffset From, DateTimeOffset To, string Granularity)
{
    public static UsageRequest Parse(FieldErrors errors, string? from, string? to, string? granularity)
    {
        var period = granularity ?? UsageGranularity.Hour;
        if (!UsageGranularity.All.Contains(period))
        {
            errors.Add("granularity", "granularity is hour or day.");
        }

        var start = Instant(errors, "from", from);
        var end = Instant(errors, "to", to);
        if (start is { } s && end is { } e && !errors.Any)
        {
            if (s >= e)
            {
                errors.Add("to", "to must be after from.");
            }
            else if (e - s > UsageGranularity.MaxSpan(period))
            {
                errors.Add("to", $"A {period} report covers at most {UsageGranularity.MaxSpan(period).TotalDays} days.");
            }
        }

        return new UsageRequest(start ?? default, end ?? default, period);
    }

    private static DateTimeOffset? Instant(FieldErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"{field} is required: an ISO 8601 instant such as 2026-11-11T00:00:00Z.");
            return null;
        }

        var hasZone = value.EndsWith('Z') || value.EndsWith('z') || (value.Length > 6 && value[^6] is '+' or '-' && value[^3] == ':');
        if (!hasZone || !value.Contains('T', StringComparison.OrdinalIgnoreCase)
            || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            errors.Add(field, $"{field} is an ISO 8601 instant with a time and Z or an offset, such as 2026-11-11T00:00:00Z.");
            return null;
        }

        return instant.ToUniversalTime();
    }
}
