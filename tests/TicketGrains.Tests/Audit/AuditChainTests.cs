using System.Security.Cryptography;
using System.Text;
using TicketGrains.Api.Audit;
using Xunit;

namespace TicketGrains.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public void The_first_hash_is_sha256_of_zero_bytes_and_the_canonical_entry()
    {
        var e = Event("read-unmasked", "ticket:1");

        var entry = AuditChain.Append(0, AuditChain.Genesis, e);

        var canonical = "tg-audit-v1|4:shop|1:1|27:2026-11-25T10:00:00.123000Z|5:alice|13:read-unmasked|8:ticket:1|9:127.0.0.1|0:";
        Assert.Equal(canonical, Encoding.UTF8.GetString(AuditChain.Canonical(1, e)));
        Assert.Equal(1, entry.Sequence);
        Assert.Equal(new byte[32], entry.PreviousHash);
        Assert.Equal(SHA256.HashData([.. new byte[32], .. Encoding.UTF8.GetBytes(canonical)]), entry.Hash);
    }

    [Fact]
    public void Each_entry_hashes_the_one_before()
    {
        var first = AuditChain.Append(0, AuditChain.Genesis, Event("create", "ticket:1"));
        var second = AuditChain.Append(first.Sequence, first.Hash, Event("assign", "ticket:1"));

        Assert.Equal(2, second.Sequence);
        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.Equal(AuditChain.HashOf(first.Hash, 2, second.Event), second.Hash);
        Assert.NotEqual(AuditChain.HashOf(AuditChain.Genesis, 2, second.Event), second.Hash);
    }

    [Fact]
    public void Field_boundaries_are_part_of_the_hash()
    {
        var a = Event("create", "ticket:1") with { Actor = "ab", Detail = "c" };
        var b = Event("create", "ticket:1") with { Actor = "a", Detail = "bc" };

        Assert.NotEqual(AuditChain.HashOf(AuditChain.Genesis, 1, a), AuditChain.HashOf(AuditChain.Genesis, 1, b));
    }

    [Fact]
    public void Time_is_hashed_as_stored_to_the_microsecond()
    {
        var precise = Event("create", "t") with { At = At.AddTicks(7) };

        var entry = AuditChain.Append(0, AuditChain.Genesis, precise);

        Assert.Equal(At, entry.Event.At);
        Assert.Equal(entry.Hash, AuditChain.HashOf(AuditChain.Genesis, 1, entry.Event));
    }

    internal static AuditEvent Event(string action, string target) => new("shop", At, "alice", action, target, "127.0.0.1", "");
}
