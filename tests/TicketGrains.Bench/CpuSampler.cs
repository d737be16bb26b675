using System.Globalization;

namespace TicketGrains.Bench;

/// <summary>
/// Reads CPU time from /proc at the start and end of a phase. The bench shares two cores with the silo
/// and PostgreSQL, so a result means little without knowing who was burning the CPU.
/// </summary>
public sealed class CpuSampler
{
    private readonly int? _siloPid;
    private readonly (long Total, long Idle) _machine;
    private readonly long _bench;
    private readonly long? _silo;

    private CpuSampler(int? siloPid)
    {
        _siloPid = siloPid;
        _machine = ReadMachine();
        _bench = ReadProcess("self") ?? 0;
        _silo = siloPid is { } pid ? ReadProcess(pid.ToString(CultureInfo.InvariantCulture)) : null;
    }

    /// <summary>Starts sampling, or returns null where /proc is not there to read.</summary>
    public static CpuSampler? Start(int? siloPid) => File.Exists("/proc/stat") ? new CpuSampler(siloPid) : null;

    public CpuSplit? Stop()
    {
        var machine = ReadMachine();
        var total = machine.Total - _machine.Total;
        if (total <= 0)
        {
            return null;
        }

        var busy = total - (machine.Idle - _machine.Idle);
        var bench = (ReadProcess("self") ?? 0) - _bench;
        double? silo = _siloPid is { } pid && _silo is { } before && ReadProcess(pid.ToString(CultureInfo.InvariantCulture)) is { } after
            ? Percent(after - before, total)
            : null;
        return new CpuSplit(Percent(bench, total), silo, Percent(busy, total));
    }

    private static double Percent(long part, long total) => 100.0 * part / total;

    /// <summary>All cores' jiffies from the "cpu" line: user nice system idle iowait irq softirq steal.</summary>
    private static (long Total, long Idle) ReadMachine()
    {
        using var reader = new StreamReader("/proc/stat");
        var fields = (reader.ReadLine() ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long total = 0;
        for (var i = 1; i < Math.Min(fields.Length, 9); i++)
        {
            total += long.Parse(fields[i], CultureInfo.InvariantCulture);
        }

        var idle = long.Parse(fields[4], CultureInfo.InvariantCulture) + long.Parse(fields[5], CultureInfo.InvariantCulture);
        return (total, idle);
    }

    /// <summary>utime + stime of a process in jiffies, or null once it is gone.</summary>
    private static long? ReadProcess(string pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name may contain spaces; the numeric fields start after its closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
