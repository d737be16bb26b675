namespace TicketGrains.Grains.EventLog;

/// <summary>What <see cref="SchemaHealth"/> found in the database.</summary>
public enum SchemaCondition
{
    /// <summary>Every table the migrations create is there.</summary>
    Whole,

    /// <summary>Tables are missing and this process has never seen them: the migrate step has not run (yet).</summary>
    NotMigrated,

    /// <summary>A table this process had seen is gone: its data may be lost, and writes are refused until a restart.</summary>
    TableLost,
}
