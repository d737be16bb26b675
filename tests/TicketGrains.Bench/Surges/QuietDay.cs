namespace TicketGrains.Bench.Surges;

/// <summary>
/// Ordinary traffic of one category, seeded: a diurnal curve (night trough, late-morning and evening peaks, as Chinese
/// shops see), a day-to-day level that wanders (log-normal, 15 %) and is higher at weekends, and Poisson counts per minute
/// spread evenly at random inside the minute.
/// </summary>
public sealed class QuietDay(Random random)
{
    /// <summary>Relative rate per hour of the day (UTC is taken as the shop's day): 1 is the day's average hour.</summary>
    private static readonly double[] Curve =
        [0.35, 0.2, 0.12, 0.08, 0.08, 0.12, 0.3, 0.6, 1.0, 1.4, 1.6, 1.5, 1.2, 1.3, 1.4, 1.3, 1.2, 1.1, 1.0, 1.2, 1.6, 1.9, 1.7, 0.95];

    public static readonly double CurveSum = Curve.Sum();

    /// <summary>The tickets of one day starting at <paramref name="day"/> (midnight) for a category averaging <paramref name="perDay"/>.</summary>
    public List<DateTimeOffset> Tickets(DateTimeOffset day, double perDay)
    {
        var level = Math.Exp(0.15 * Normal()) * (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1.2 : 1.0);
        var tickets = new List<DateTimeOffset>();
        for (var minute = 0; minute < 24 * 60; minute++)
        {
            var mean = perDay * level * Curve[minute / 60] / CurveSum / 60;
            var start = day.AddMinutes(minute);
            var count = Poisson(mean);
            var offsets = Enumerable.Range(0, count).Select(_ => random.NextDouble() * 60).Order();
            tickets.AddRange(offsets.Select(s => start.AddSeconds(s)));
        }

        return tickets;
    }

    public int Poisson(double mean)
    {
        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * Normal()));
        }

        var limit = Math.Exp(-mean);
        var count = 0;
        for (var p = random.NextDouble(); p > limit; p *= random.NextDouble())
        {
            count++;
        }

        return count;
    }

    private double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
