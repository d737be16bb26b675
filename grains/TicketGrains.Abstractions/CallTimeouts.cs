namespace TicketGrains.Abstractions;

/// <summary>
/// How long one grain call may take, shared by silos and front ends. Orleans' default of 30 s would
/// leave a request that was in flight to a killed silo hanging for 30 s; 10 s keeps the worst case
/// inside the API's retry budget, so the caller sees latency and then success instead of an error.
/// </summary>
public static class CallTimeouts
{
    public static readonly TimeSpan Response = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait a single long-poll grain call may hold; longer waits are several calls.</summary>
    public static readonly TimeSpan LongPollSlice = TimeSpan.FromSeconds(5);
}
