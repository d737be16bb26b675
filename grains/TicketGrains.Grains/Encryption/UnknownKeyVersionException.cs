namespace TicketGrains.Grains.Encryption;

/// <summary>A value was sealed with a key version this process has not loaded yet (created by another process).</summary>
public sealed class UnknownKeyVersionException(int version) : Exception($"Data key version {version} is not loaded.");
