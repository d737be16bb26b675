using TicketGrains.Grains.Hosting;

namespace TicketGrains.Silo;

/// <summary>The migrate step's settings (section "Migration").</summary>
public sealed class MigrationOptions : IValidatableOptions
{
    public const string Section = "Migration";

    /// <summary>The role silos and front ends connect as; unset: the user of ConnectionStrings:TicketGrains.</summary>
    public string? ApplicationRole { get; set; }

    /// <summary>Create again, empty, a table an earlier migration made and that has since disappeared (accepting that its data is lost).</summary>
    public bool RecreateMissingTables { get; set; }

    /// <summary>How long to keep trying while PostgreSQL does not accept connections yet (it may be starting beside the job).</summary>
    public TimeSpan WaitForDatabase { get; set; } = TimeSpan.FromSeconds(60);

    public IEnumerable<string> Problems(string section)
    {
        if (WaitForDatabase < TimeSpan.Zero)
        {
            yield return $"{section}:WaitForDatabase must not be negative, not {WaitForDatabase}.";
        }
    }
}
