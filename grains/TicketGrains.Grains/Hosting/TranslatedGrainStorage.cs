using Orleans.Storage;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Hosting;

/// <summary>
/// Orleans' ADO.NET grain storage with its driver failures turned into <see cref="Abstractions.Errors.StorageUnavailableException"/>:
/// while PostgreSQL is down, a grain whose state cannot be read or written fails with the project's own error (503 and
/// retried at the API) instead of an Npgsql exception that the caller cannot tell from a bug (500).
/// </summary>
internal sealed class TranslatedGrainStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        GuardAsync(() => inner.ReadStateAsync(stateName, grainId, grainState));

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        GuardAsync(() => inner.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        GuardAsync(() => inner.ClearStateAsync(stateName, grainId, grainState));

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    private static async Task GuardAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception e) when (StorageErrors.IsDatabaseFailure(e))
        {
            throw StorageErrors.Translate(e);
        }
    }
}
