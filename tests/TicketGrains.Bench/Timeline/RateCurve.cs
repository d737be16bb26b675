using System.Globalization;

namespace TicketGrains.Bench.Timeline;

/// <summary>
/// Requests per second over time, linear between points (seconds from the start, rate) and flat after the last one;
/// the driver sends as many requests as the curve's integral says are due, so a ramp is exact however coarse the tick.
/// </summary>
public sealed class RateCurve
{
    private readonly (double At, double Rate)[] _points;

    public RateCurve(IEnumerable<(double At, double Rate)> points)
    {
        _points = [.. points.OrderBy(p => p.At)];
        if (_points.Length == 0 || _points[0].At != 0 || _points.Any(p => p.Rate < 0))
        {
            throw new ArgumentException("A rate curve starts at second 0 and has no negative rate.");
        }
    }

    public static RateCurve Constant(double rate) => new([(0, rate)]);

    /// <summary>"0:50,60:50,120:1000": second:rate pairs.</summary>
    public static RateCurve Parse(string text) => new(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(pair => pair.Split(':') is [var at, var rate]
            ? (double.Parse(at, CultureInfo.InvariantCulture), double.Parse(rate, CultureInfo.InvariantCulture))
            : throw new FormatException($"'{pair}' is not second:rate.")));

    public double RateAt(double seconds)
    {
        for (var i = _points.Length - 1; i >= 0; i--)
        {
            if (seconds >= _points[i].At)
            {
                return i == _points.Length - 1 ? _points[i].Rate : Interpolate(_points[i], _points[i + 1], seconds);
            }
        }

        return _points[0].Rate;
    }

    /// <summary>Requests due from the start up to the given second (the area under the curve).</summary>
    public double DueBy(double seconds)
    {
        var due = 0.0;
        for (var i = 0; i < _points.Length && _points[i].At < seconds; i++)
        {
            var end = i + 1 < _points.Length ? Math.Min(_points[i + 1].At, seconds) : seconds;
            due += (_points[i].Rate + RateAt(end)) / 2 * (end - _points[i].At);
        }

        return due;
    }

    private static double Interpolate((double At, double Rate) from, (double At, double Rate) to, double seconds) =>
        from.Rate + ((to.Rate - from.Rate) * (seconds - from.At) / (to.At - from.At));
}
