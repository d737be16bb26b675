using TicketGrains.Grains.Agents;
using Xunit;

namespace TicketGrains.Tests.Agents;

public sealed class PullHandOutsTests
{
    private readonly PullHandOuts _handOuts = new();

    [Fact]
    public void A_pulls_ticket_is_told_once()
    {
        var (pull, ticket) = (Guid.NewGuid(), Guid.NewGuid());
        _handOuts.Handed(pull, ticket);

        Assert.Equal([ticket, null], new[] { _handOuts.Forget(pull), _handOuts.Forget(pull) });
    }

    [Fact]
    public void A_pull_that_handed_nothing_has_no_ticket()
    {
        _handOuts.Handed(Guid.NewGuid(), Guid.NewGuid());

        Assert.Null(_handOuts.Forget(Guid.NewGuid()));
    }

    [Fact]
    public void Only_the_last_pulls_are_kept()
    {
        var pulls = Enumerable.Range(0, PullHandOuts.Kept + 1).Select(_ => (Pull: Guid.NewGuid(), Ticket: Guid.NewGuid())).ToList();
        foreach (var (pull, ticket) in pulls)
        {
            _handOuts.Handed(pull, ticket);
        }

        Assert.Null(_handOuts.Forget(pulls[0].Pull));
        Assert.Equal(pulls[1].Ticket, _handOuts.Forget(pulls[1].Pull));
        Assert.Equal(pulls[^1].Ticket, _handOuts.Forget(pulls[^1].Pull));
    }
}
