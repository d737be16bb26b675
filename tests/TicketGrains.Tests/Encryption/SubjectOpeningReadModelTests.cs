using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Encryption;
using TicketGrains.Grains.ReadModel;
using TicketGrains.Grains.Sla;
using Xunit;

namespace TicketGrains.Tests.Encryption;

public sealed class SubjectOpeningReadModelTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 11, 0, 0, 0, TimeSpan.Zero);
    private static readonly Guid Ann = Guid.Parse("0193a3c5-0000-7000-8000-00000000000a");
    private static readonly Guid Bob = Guid.Parse("0193a3c5-0000-7000-8000-00000000000b");

    [Fact]
    public async Task Listed_subjects_open_with_each_customers_key_and_erased_ones_show_the_marker()
    {
        var keys = new Protection();
        var annKey = keys.Add(Ann, 1, Aead.NewKey());
        var bobKey = keys.Add(Bob, 1, Aead.NewKey());
        var rows = new Rows(Row(Ann, Seal(Ann, annKey, "Parcel for Ann"), 1), Row(Bob, Seal(Bob, bobKey, "Refund for Bob"), 2), Row(Ann, "written in clear", 3));
        keys.Erase(Bob);

        var page = await new SubjectOpeningReadModel(rows, keys).ListAsync(Query());

        Assert.Equal(["Parcel for Ann", PersonalData.Erased, "written in clear"], page.Items.Select(i => i.Row.Subject));
        Assert.Equal(2, keys.Reads);
    }

    [Fact]
    public async Task A_key_version_newer_than_the_cached_keys_is_fetched_once()
    {
        var keys = new Protection();
        keys.Add(Ann, 1, Aead.NewKey());
        var newer = Aead.NewKey();
        var rows = new Rows(Row(Ann, Seal(Ann, new CustomerKeys(new Dictionary<int, byte[]?> { [1] = null, [2] = newer }), "After a return"), 1));
        keys.Add(Ann, 2, newer, cachedCopyKnowsIt: false);

        var page = await new SubjectOpeningReadModel(rows, keys).ListAsync(Query());

        Assert.Equal("After a return", page.Items.Single().Row.Subject);
        Assert.Equal(1, keys.Refreshes);
    }

    private static TicketQuery Query() => new("shop", null, null, null, null, null, 50);

    private static string Seal(Guid customer, CustomerKeys keys, string subject) => new PersonalDataCipher("shop", customer, keys, true).Seal(subject);

    private static TicketSummary Row(Guid customer, string subject, int minute) => new(1, new TicketRow(
        Guid.NewGuid(), "new", "refund", "high", "refund", customer, null, "web", subject, At.AddMinutes(minute), At.AddMinutes(minute), null));

    /// <summary>Keys per customer; "cached" copies may lag behind, as in a process that loaded them before a new version.</summary>
    private sealed class Protection : IPersonalDataProtection
    {
        private readonly Dictionary<Guid, CustomerKeys> _stored = [];
        private readonly Dictionary<Guid, CustomerKeys> _cached = [];

        public int Reads { get; private set; }

        public int Refreshes { get; private set; }

        public CustomerKeys Add(Guid customer, int version, byte[] key, bool cachedCopyKnowsIt = true)
        {
            _stored[customer] = (_stored.GetValueOrDefault(customer) ?? CustomerKeys.None).With(version, key);
            if (cachedCopyKnowsIt)
            {
                _cached[customer] = _stored[customer];
            }

            return _stored[customer];
        }

        public void Erase(Guid customer) =>
            _stored[customer] = _cached[customer] = new CustomerKeys(_stored[customer].ByVersion.ToDictionary(k => k.Key, _ => (byte[]?)null));

        public ValueTask<PersonalDataCipher> ForReadingAsync(string tenant, Guid customer, bool refresh = false)
        {
            Reads++;
            Refreshes += refresh ? 1 : 0;
            return ValueTask.FromResult(new PersonalDataCipher(tenant, customer, refresh ? _stored[customer] : _cached[customer], authoritative: refresh));
        }

        public ValueTask<PersonalDataCipher> ForWritingAsync(string tenant, Guid customer) => throw new NotSupportedException();

        public ValueTask<string> LookupNameAsync(string tenant, string identity) => throw new NotSupportedException();

        public Task<int> EraseAsync(string tenant, Guid customer) => throw new NotSupportedException();
    }

    private sealed class Rows(params TicketSummary[] rows) : ITicketReadModel
    {
        public Task<TicketPage> ListAsync(TicketQuery query) => Task.FromResult(new TicketPage(rows, null));

        public Task<IReadOnlyList<QueuedTicket>> WaitingInQueueAsync(string tenantId, string queue, int limit) => throw new NotSupportedException();

        public Task<IReadOnlyList<Guid>> OpenTicketsOfCustomerAsync(string tenantId, Guid customerId) => throw new NotSupportedException();

        public Task<IReadOnlyList<HeldTicket>> HeldByAgentAsync(string tenantId, string agentId) => throw new NotSupportedException();

        public Task<IReadOnlyList<SlaDue>> SlaDueAsync(string tenantId, DateTimeOffset until, SlaDue? after, int limit) => throw new NotSupportedException();

        public Task<IReadOnlyList<Guid>> ClaimsDueAsync(string tenantId, DateTimeOffset until, Guid after, int limit) => throw new NotSupportedException();
    }
}
