using System.Security.Cryptography;
using TicketGrains.Grains.Customers;
using TicketGrains.Grains.Encryption;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Tickets;
using Xunit;

namespace TicketGrains.Tests.Encryption;

public sealed class PersonalDataCipherTests
{
    private static readonly Guid Customer = Guid.Parse("0193a3c5-0000-7000-8000-000000000001");
    private static readonly Guid Other = Guid.Parse("0193a3c5-0000-7000-8000-000000000002");
    private static readonly DateTimeOffset At = new(2026, 11, 11, 0, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Key1 = Aead.NewKey();

    [Fact]
    public void A_sealed_value_names_its_key_version_and_opens_to_the_original()
    {
        var cipher = Cipher(new() { [1] = Key1 });
        var sealedValue = cipher.Seal("身份证 110101199003074518");
        Assert.StartsWith("tge1:1:", sealedValue, StringComparison.Ordinal);
        Assert.DoesNotContain("110101199003074518", sealedValue, StringComparison.Ordinal);
        Assert.Equal("身份证 110101199003074518", cipher.Open(sealedValue));
    }

    [Fact]
    public void New_values_use_the_newest_live_version_and_old_ones_still_open()
    {
        var old = Cipher(new() { [1] = Key1 }).Seal("old");
        var cipher = Cipher(new() { [1] = Key1, [2] = Aead.NewKey() });
        Assert.StartsWith("tge1:2:", cipher.Seal("new"), StringComparison.Ordinal);
        Assert.Equal("old", cipher.Open(old));
    }

    [Fact]
    public void An_erased_key_reads_as_the_erased_marker_and_cannot_seal()
    {
        var sealedValue = Cipher(new() { [1] = Key1 }).Seal("Li Lei");
        var erased = Cipher(new() { [1] = null });
        Assert.Equal(PersonalData.Erased, erased.Open(sealedValue));
        Assert.False(erased.CanSeal);
        Assert.Throws<InvalidOperationException>(() => erased.Seal("again"));
    }

    [Fact]
    public void An_unknown_version_asks_for_a_reload_unless_the_keys_were_just_read()
    {
        var sealedValue = Cipher(new() { [1] = Key1 }).Seal("Li Lei");
        Assert.Throws<UnknownKeyVersionException>(() => Cipher(new(), authoritative: false).Open(sealedValue));
        Assert.Equal(PersonalData.Erased, Cipher(new(), authoritative: true).Open(sealedValue));
    }

    [Fact]
    public void A_value_moved_to_another_customer_does_not_open()
    {
        var sealedValue = Cipher(new() { [1] = Key1 }).Seal("Li Lei");
        var other = new PersonalDataCipher("shop", Other, new CustomerKeys(new Dictionary<int, byte[]?> { [1] = Key1 }), true);
        Assert.ThrowsAny<CryptographicException>(() => other.Open(sealedValue));
    }

    [Fact]
    public void A_tampered_value_is_an_error_not_an_erasure()
    {
        var sealedValue = Cipher(new() { [1] = Key1 }).Seal("Li Lei");
        var tampered = sealedValue[..^4] + (sealedValue[^4] == 'A' ? "B" : "A") + sealedValue[^3..];
        Assert.ThrowsAny<CryptographicException>(() => Cipher(new() { [1] = Key1 }).Open(tampered));
        Assert.ThrowsAny<CryptographicException>(() => Cipher(new() { [1] = Key1 }).Open("tge1:x:AAAA"));
    }

    [Fact]
    public void Values_stored_in_clear_open_as_they_are()
    {
        Assert.Equal("plain subject", Cipher(new() { [1] = Key1 }).Open("plain subject"));
        var clear = PersonalDataCipher.Clear("shop", Customer);
        Assert.Equal("Li Lei", clear.Seal("Li Lei"));
    }

    [Fact]
    public void Only_personal_fields_of_a_ticket_event_are_sealed()
    {
        var created = new TicketCreated(Guid.NewGuid(), Customer, "phone", "Refund to card 6222 0212 3456 7890", "Call me at 13900007731",
            "refund", "high", "refund", new Dictionary<string, string> { ["address"] = "北京市朝阳区 1 号" }, "hash", At.AddHours(1), At);
        var cipher = Cipher(new() { [1] = Key1 });

        var sealedEvent = (TicketCreated)EventProtection.Map(created, cipher.Seal);
        var json = EventSerializer.Serialize(sealedEvent);

        foreach (var secret in new[] { "6222", "13900007731", "北京市" })
        {
            Assert.DoesNotContain(secret, json, StringComparison.Ordinal);
        }

        Assert.Equal((created.Category, created.Priority, created.Queue, created.Channel, created.CustomerId, created.At),
            (sealedEvent.Category, sealedEvent.Priority, sealedEvent.Queue, sealedEvent.Channel, sealedEvent.CustomerId, sealedEvent.At));
        Assert.StartsWith(PersonalData.SealedPrefix, sealedEvent.RequestHash, StringComparison.Ordinal);
        var opened = (TicketCreated)EventProtection.Map(EventSerializer.Deserialize("TicketCreated", json), cipher.Open);
        Assert.Equal((created.Subject, created.Body, created.Fields["address"], created.RequestHash),
            (opened.Subject, opened.Body, opened.Fields["address"], opened.RequestHash));
        Assert.Equal("", ((TicketCreated)EventProtection.Map(created with { RequestHash = "" }, cipher.Seal)).RequestHash);
    }

    [Fact]
    public void Customer_events_seal_identity_name_phone_and_email_but_not_the_tier()
    {
        var registered = new CustomerRegistered(Customer, "phone:13900007731", "Han Meimei", "13900007731", "han@example.com", "vip", At);
        var sealedEvent = (CustomerRegistered)EventProtection.Map(registered, Cipher(new() { [1] = Key1 }).Seal);
        Assert.All(new[] { sealedEvent.Identity, sealedEvent.Name!, sealedEvent.Phone!, sealedEvent.Email! },
            v => Assert.StartsWith(PersonalData.SealedPrefix, v, StringComparison.Ordinal));
        Assert.Equal("vip", sealedEvent.Tier);
        var update = (CustomerProfileUpdated)EventProtection.Map(new CustomerProfileUpdated(null, null, "13900007732", null, null, At), Cipher(new() { [1] = Key1 }).Seal);
        Assert.Equal((null, null, null, null), (update.NewIdentity, update.Name, update.Email, update.Tier));
        Assert.StartsWith(PersonalData.SealedPrefix, update.Phone, StringComparison.Ordinal);
    }

    private static PersonalDataCipher Cipher(Dictionary<int, byte[]?> keys, bool authoritative = true) =>
        new("shop", Customer, new CustomerKeys(keys), authoritative);
}
