namespace TicketGrains.Bench;

/// <summary>
/// CPU used during a phase as percentages of the whole machine (all cores): the bench itself, the silo
/// (when its pid is known) and everything else, which on the bench machine is mostly PostgreSQL.
/// </summary>
public sealed record CpuSplit(double BenchPercent, double? SiloPercent, double MachinePercent)
{
    public double OtherPercent => Math.Max(0, MachinePercent - BenchPercent - (SiloPercent ?? 0));

    public override string ToString() => SiloPercent is { } silo
        ? $"{BenchPercent:0}/{silo:0}/{OtherPercent:0}"
        : $"{BenchPercent:0}/-/{OtherPercent:0}";
}
