namespace TicketGrains.Grains.Surges;

/// <summary>
/// An exponentially weighted mean and variance of tickets per minute. Until it has seen 1/weight minutes each minute
/// counts as in a plain average, so a young estimate is not dominated by its first minute.
/// </summary>
public sealed class RateEstimate
{
    public double Mean { get; set; }

    public double Variance { get; set; }

    public long Minutes { get; set; }

    public void Add(double count, double weight)
    {
        Minutes++;
        var w = Math.Max(weight, 1.0 / Minutes);
        var delta = count - Mean;
        Mean += w * delta;
        Variance = (1 - w) * (Variance + w * delta * delta);
    }
}
