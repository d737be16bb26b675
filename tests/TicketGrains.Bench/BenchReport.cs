using System.Globalization;

namespace TicketGrains.Bench;

/// <summary>The measured phases of a run and the acceptance verdicts drawn from them.</summary>
public sealed class BenchReport
{
    /// <summary>HTTP create throughput must reach this share of the best raw batched insert rate.</summary>
    public const double ThroughputTarget = 0.30;

    /// <summary>The spine issue's aim: HTTP creates at this share of PostgreSQL's own raw single-row durable insert rate.</summary>
    public const double SingleRowTarget = 0.80;

    /// <summary>p99 bound at half the best HTTP throughput.</summary>
    public const double HalfLoadP99LimitMs = 50;

    public const string RawSingleRowPhase = "raw single-row";
    public const string RawBatchedPhase = "raw batched";

    private readonly List<PhaseResult> _phases = [];
    private readonly List<string> _notes = [];

    /// <summary>Facts about the run (date, machine, command) shown above the table.</summary>
    public List<string> Context { get; } = [];

    public IReadOnlyList<PhaseResult> Phases => _phases;

    /// <summary>Errors and failed levels, shown below the verdicts.</summary>
    public IReadOnlyList<string> Notes => _notes;

    public void Add(PhaseResult result) => _phases.Add(result);

    /// <summary>True once a phase could not run, so the bench exits non-zero.</summary>
    public bool Incomplete { get; private set; }

    public void Note(string note) => _notes.Add(note);

    public void NoteFailure(string note)
    {
        Incomplete = true;
        _notes.Add(note);
    }

    public PhaseResult? Best(string phase) =>
        _phases.Where(p => p.Phase == phase).MaxBy(p => p.PerSecond);

    public IReadOnlyList<string> Summary()
    {
        var http = Best(HttpCreateBench.ClosedLoopPhase);
        var single = Best(RawSingleRowPhase);
        var batched = Best(RawBatchedPhase);
        var halfLoad = Best(HttpCreateBench.OpenLoopPhase);
        var lines = new List<string>
        {
            $"best HTTP create:      {Rate(http)}",
            $"best raw single-row:   {Rate(single)}",
            $"best raw batched:      {Rate(batched)}",
        };
        if (http is not null && single is not null && single.PerSecond > 0)
        {
            var ratio = http.PerSecond / single.PerSecond;
            lines.Add(Invariant($"HTTP / raw single-row: {ratio:0.00} (aim >= {SingleRowTarget:0.00}): {Verdict(ratio >= SingleRowTarget)}"));
        }

        if (http is not null && batched is not null && batched.PerSecond > 0)
        {
            var ratio = http.PerSecond / batched.PerSecond;
            lines.Add(Invariant($"HTTP / raw batched:    {ratio * 100:0.0} % (target >= {ThroughputTarget * 100:0} %): {Verdict(ratio >= ThroughputTarget)}"));
        }
        else
        {
            lines.Add("HTTP / raw batched:    n/a (needs both the HTTP and the raw batched phases)");
        }

        if (Best(HttpCreateBench.ClosedLoopPhase + HttpCreationPhases.EncryptionOff) is { PerSecond: > 0 } clear && http is not null)
        {
            lines.Add(Invariant($"encryption on / off:   {http.PerSecond:0}/s / {clear.PerSecond:0}/s = {http.PerSecond / clear.PerSecond * 100:0.0} % (best closed-loop level of each)"));
            lines.Add($"silo CPU per ticket:   {CpuPerTicket(HttpCreateBench.ClosedLoopPhase)} with encryption, " +
                $"{CpuPerTicket(HttpCreateBench.ClosedLoopPhase + HttpCreationPhases.EncryptionOff)} without (all closed-loop levels)");
        }

        if (http is not null)
        {
            lines.Add($"CPU per ticket:        silo {CpuPerTicket(HttpCreateBench.ClosedLoopPhase)}, " +
                $"rest of the machine (mostly PostgreSQL) {CpuPerTicket(HttpCreateBench.ClosedLoopPhase, silo: false)} (closed-loop levels, encryption on)");
        }

        lines.AddRange(PipelineLag);

        if (halfLoad is not null)
        {
            var p99 = halfLoad.Latency.PercentileMs(0.99);
            var pass = halfLoad.Errors == 0 && p99 < HalfLoadP99LimitMs;
            lines.Add(Invariant($"half load ({halfLoad.Mode}): p99 {p99:0.0} ms, {halfLoad.Errors} errors (target p99 < {HalfLoadP99LimitMs:0} ms, no errors): {Verdict(pass)}"));
        }
        else
        {
            lines.Add("half load:             n/a (not run)");
        }

        return lines;
    }

    /// <summary>Lines about the committed-event pipeline's lag during the HTTP phases (PipelineLagSampler).</summary>
    public List<string> PipelineLag { get; } = [];

    /// <summary>
    /// Core time the silo (or everything but the bench and the silo, mostly PostgreSQL) spent per created ticket: less
    /// sensitive than the rate to other load on a shared machine.
    /// </summary>
    private string CpuPerTicket(string phase, bool silo = true)
    {
        var runs = _phases.Where(p => p.Phase == phase && p.Cpu?.SiloPercent is not null).ToList();
        var tickets = runs.Sum(p => p.Count);
        var coreSeconds = runs.Sum(p => (silo ? p.Cpu!.SiloPercent!.Value : p.Cpu!.OtherPercent) / 100 * Environment.ProcessorCount * p.Elapsed.TotalSeconds);
        return tickets > 0 ? Invariant($"{coreSeconds / tickets * 1_000_000:0} µs") : "n/a";
    }

    private static string Rate(PhaseResult? phase) =>
        phase is null ? "n/a" : Invariant($"{phase.PerSecond:0}/s ({phase.Mode})");

    private static string Verdict(bool pass) => pass ? "PASS" : "FAIL";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
