using TicketGrains.Grains.Tickets;
using Xunit;

namespace TicketGrains.Tests.Tickets;

public sealed class TicketVersionsTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-11T00:00:00Z");
    private readonly TicketVersions _versions = new();
    private readonly Guid _ticket = Guid.NewGuid();

    [Fact]
    public void A_message_older_than_one_heard_is_refused_and_a_newer_or_equal_one_admitted()
    {
        Assert.True(_versions.Admit(_ticket, 3, Now));

        Assert.Equal([false, true, true], new[] { _versions.Admit(_ticket, 2, Now), _versions.Admit(_ticket, 3, Now), _versions.Admit(_ticket, 4, Now) });
        Assert.False(_versions.Admit(_ticket, 3, Now));
    }

    [Fact]
    public void An_unknown_version_is_always_admitted_and_changes_nothing()
    {
        _versions.Admit(_ticket, 5, Now);

        Assert.True(_versions.Admit(_ticket, 0, Now));
        Assert.False(_versions.Admit(_ticket, 4, Now));
    }

    [Fact]
    public void A_row_from_the_read_model_is_current_unless_a_newer_message_was_heard()
    {
        _versions.Admit(_ticket, 2, Now);

        Assert.Equal([false, true, true, true], new[]
        {
            _versions.IsCurrent(_ticket, 1), _versions.IsCurrent(_ticket, 2), _versions.IsCurrent(Guid.NewGuid(), 1), _versions.IsCurrent(_ticket, 0),
        });
    }

    [Fact]
    public void What_was_heard_is_kept_for_at_least_the_memory_and_forgotten_after_two()
    {
        _versions.Admit(_ticket, 7, Now);
        // A message of another ticket a whole memory later moves the first into the older generation, still heard.
        _versions.Admit(Guid.NewGuid(), 1, Now + TicketVersions.Memory);
        Assert.False(_versions.IsCurrent(_ticket, 6));

        _versions.Admit(Guid.NewGuid(), 1, Now + 2 * TicketVersions.Memory);

        Assert.True(_versions.Admit(_ticket, 1, Now + 2 * TicketVersions.Memory));
    }

    [Fact]
    public void After_a_quiet_spell_of_two_memories_nothing_is_kept()
    {
        _versions.Admit(_ticket, 7, Now);

        Assert.True(_versions.Admit(Guid.NewGuid(), 1, Now + 2 * TicketVersions.Memory));
        Assert.True(_versions.IsCurrent(_ticket, 1));
    }
}
