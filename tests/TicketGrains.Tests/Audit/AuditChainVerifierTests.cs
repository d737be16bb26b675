using TicketGrains.Api.Audit;
using Xunit;

namespace TicketGrains.Tests.Audit;

public sealed class AuditChainVerifierTests
{
    [Fact]
    public void An_untouched_chain_is_intact()
    {
        var chain = Chain(5);

        var (problem, verifier) = Verify(chain, 5, chain[^1].Hash);

        Assert.Null(problem);
        Assert.Equal(5, verifier.Checked);
    }

    [Fact]
    public void A_changed_field_is_reported_as_altered_at_its_entry()
    {
        var chain = Chain(5);
        chain[2] = chain[2] with { Event = chain[2].Event with { Actor = "mallory" } };

        var (problem, verifier) = Verify(chain, 5, chain[^1].Hash);

        Assert.Equal(new AuditProblem(3, AuditProblemKinds.Altered, "Entry 3 does not match its hash: its content was changed."), problem);
        Assert.Equal(2, verifier.Checked);
    }

    [Fact]
    public void A_changed_and_rehashed_entry_breaks_the_link_of_the_next()
    {
        var chain = Chain(5);
        var forged = chain[2].Event with { Action = "create" };
        chain[2] = chain[2] with { Event = forged, Hash = AuditChain.HashOf(chain[2].PreviousHash, 3, forged) };

        var (problem, _) = Verify(chain, 5, chain[^1].Hash);

        Assert.Equal(4, problem!.Sequence);
        Assert.Equal(AuditProblemKinds.BrokenLink, problem.Kind);
    }

    [Fact]
    public void A_removed_entry_is_reported_as_a_gap()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);

        var (problem, _) = Verify(chain, 5, chain[^1].Hash);

        Assert.Equal(new AuditProblem(2, AuditProblemKinds.Removed, "Entries 2 to 2 are missing."), problem);
    }

    [Fact]
    public void Removing_the_newest_entries_is_found_by_the_head()
    {
        var chain = Chain(5);
        var head = chain[^1].Hash;
        chain.RemoveRange(3, 2);

        var (problem, _) = Verify(chain, 5, head);

        Assert.Equal(new AuditProblem(4, AuditProblemKinds.Removed, "The chain ends at entry 3 but 5 were written: the newest entries were removed."), problem);
    }

    [Fact]
    public void An_entry_added_behind_the_writer_is_reported_as_inserted()
    {
        var chain = Chain(3);
        var head = chain[^1].Hash;
        chain.Add(AuditChain.Append(3, head, AuditChainTests.Event("create", "ticket:forged")));

        var (problem, _) = Verify(chain, 3, head);

        Assert.Equal(new AuditProblem(4, AuditProblemKinds.Inserted, "Entries 4 to 4 were added after the last entry the log wrote (3)."), problem);
    }

    [Fact]
    public void No_entries_and_no_head_is_an_intact_empty_chain()
    {
        var (problem, verifier) = Verify([], null, null);

        Assert.Null(problem);
        Assert.Equal(0, verifier.Checked);
    }

    private static List<AuditEntry> Chain(int length)
    {
        var chain = new List<AuditEntry>();
        for (var i = 0; i < length; i++)
        {
            var previous = chain.Count == 0 ? (0L, AuditChain.Genesis) : (chain[^1].Sequence, chain[^1].Hash);
            chain.Add(AuditChain.Append(previous.Item1, previous.Item2, AuditChainTests.Event("read-unmasked", $"ticket:{i}")));
        }

        return chain;
    }

    private static (AuditProblem? Problem, AuditChainVerifier Verifier) Verify(List<AuditEntry> chain, long? head, byte[]? headHash)
    {
        var verifier = new AuditChainVerifier();
        foreach (var entry in chain)
        {
            if (verifier.Next(entry) is { } problem)
            {
                return (problem, verifier);
            }
        }

        return (verifier.Finish(head, headHash), verifier);
    }
}
