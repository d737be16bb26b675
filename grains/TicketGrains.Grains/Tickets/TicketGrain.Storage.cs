using System.Text.Json;
using Microsoft.Extensions.Logging;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Grains.Encryption;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Tickets;

/// <summary>The ticket's stream: loading it (snapshot and events, opened with the customer's key) and snapshotting it.</summary>
public sealed partial class TicketGrain
{
    /// <summary>
    /// The ticket as its first create returned it, for a repeated create: the fold of its first event alone, whatever
    /// happened to it since.
    /// </summary>
    private async Task<TicketView> AsFirstCreatedAsync()
    {
        var stored = (await log.ReadStreamAsync(Tenant, _stream.StreamId, 0))[0];
        var created = new TicketState();
        created.Apply(await _cipher.OpenAsync(EventSerializer.Deserialize(stored.EventType, stored.Json), State.CustomerId));
        return created.ToView(Tenant);
    }

    private async Task SnapshotIfDueAsync()
    {
        if (State.Version - _snapshotVersion < logOptions.Value.SnapshotEvery)
        {
            return;
        }

        try
        {
            var sealedState = TicketStateProtection.SealToJson(State, await _cipher.ForWritingAsync(State.CustomerId));
            await log.SaveSnapshotAsync(Tenant, _stream.StreamId, State.Version, sealedState);
            _snapshotVersion = State.Version;
        }
        catch (TicketGrainsException e)
        {
            // A missing snapshot only costs replay time; the events are already durable.
            logger.LogWarning(e, "Snapshot of ticket {Ticket} failed", _id);
        }
    }

    private async Task LoadAsync()
    {
        _sealedSubject = null;
        await _stream.LoadAsync(OpenSnapshotAsync);
        _snapshotVersion = _stream.SnapshotVersion;
        (_wasWaiting, _waitedIn, _waitedAs) = (State.WaitsInQueue, State.Queue, WaitKey());
        _wasActive = TicketStatus.IsActive(State.Status);
        _heldBy = State.CapacityHolder;
        ArmSlaTimer();
        _claimTimer.Arm(State.ClaimAcceptBy);
    }

    private async ValueTask<TicketState?> OpenSnapshotAsync(string json)
    {
        if (JsonSerializer.Deserialize<TicketState>(json, EventSerializer.Options) is not { } state)
        {
            return null;
        }

        // Opening is idempotent on values already open, so a retry after fetching a newer key version is harmless.
        return await _cipher.OpenAsync(state.CustomerId, c =>
        {
            TicketStateProtection.Map(state, c.Open);
            return state;
        });
    }

    /// <summary>The stored event as callers always saw it: its personal fields open (the log itself holds them sealed).</summary>
    private async ValueTask<string> OpenJsonAsync(StoredEvent stored)
    {
        if (!stored.Json.Contains(PersonalData.SealedPrefix, StringComparison.Ordinal))
        {
            return stored.Json;
        }

        var opened = await _cipher.OpenAsync(EventSerializer.Deserialize(stored.EventType, stored.Json), State.CustomerId);
        return EventSerializer.Serialize(opened);
    }

    private async Task EnsureLoadedAsync()
    {
        if (!_stream.Loaded)
        {
            await LoadAsync();
        }
    }

    private async Task RequireTicketAsync()
    {
        await EnsureLoadedAsync();
        if (!State.Exists)
        {
            throw new NotFoundException($"Ticket {_id} does not exist.");
        }
    }
}
