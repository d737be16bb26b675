using System.Net;
using Microsoft.Extensions.Time.Testing;
using TicketGrains.Grains.Hosting.Joining;
using Xunit;

namespace TicketGrains.Tests.Hosting;

public sealed class JoinedSilosTests
{
    private static readonly SiloAddress Local = Silo(1);
    private static readonly SiloAddress Older = Silo(2);
    private static readonly SiloAddress Joiner = Silo(3);
    private readonly FakeTimeProvider _time = new();

    private static SiloAddress Silo(int index) => SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11111 + index), 100 + index);

    private JoinedSilos Running(TimeSpan ramp)
    {
        var joined = new JoinedSilos(_time, ramp);
        joined.Observe([(Older, SiloStatus.Active), (Local, SiloStatus.Joining)], Local);
        joined.Observe([(Older, SiloStatus.Active), (Local, SiloStatus.Active)], Local);
        return joined;
    }

    [Fact]
    public void Silos_active_before_this_one_joined_get_their_full_share_at_once()
    {
        var joined = Running(TimeSpan.FromSeconds(15));

        Assert.Equal(1, joined.Share(Older));
    }

    [Fact]
    public void A_silo_joining_later_ramps_linearly_from_nothing_to_its_full_share()
    {
        var joined = Running(TimeSpan.FromSeconds(15));
        joined.Observe([(Older, SiloStatus.Active), (Local, SiloStatus.Active), (Joiner, SiloStatus.Joining)], Local);
        Assert.Equal(0, joined.Share(Joiner));

        joined.Observe([(Older, SiloStatus.Active), (Local, SiloStatus.Active), (Joiner, SiloStatus.Active)], Local);
        Assert.Equal(0, joined.Share(Joiner));
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(0.2, joined.Share(Joiner), 9);
        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0.8, joined.Share(Joiner), 9);
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(1, joined.Share(Joiner));
        Assert.Equal(1, joined.Share(Older));
    }

    [Fact]
    public void This_silo_ramps_itself_from_the_moment_it_is_active()
    {
        var joined = Running(TimeSpan.FromSeconds(10));

        Assert.Equal(0, joined.Share(Local));
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0.5, joined.Share(Local), 9);
    }

    [Fact]
    public void An_active_silo_not_yet_in_this_silos_view_gets_nothing_until_it_appears()
    {
        var joined = Running(TimeSpan.FromSeconds(15));
        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(0, joined.Share(Joiner));
    }

    [Fact]
    public void A_silo_that_leaves_and_comes_back_active_starts_its_ramp_again()
    {
        var joined = Running(TimeSpan.FromSeconds(10));
        joined.Observe([(Older, SiloStatus.Dead), (Local, SiloStatus.Active)], Local);
        joined.Observe([(Older, SiloStatus.Active), (Local, SiloStatus.Active)], Local);

        Assert.Equal(0, joined.Share(Older));
    }

    [Fact]
    public void No_ramp_means_every_silo_gets_its_full_share()
    {
        var joined = Running(TimeSpan.Zero);
        joined.Observe([(Older, SiloStatus.Active), (Local, SiloStatus.Active), (Joiner, SiloStatus.Active)], Local);

        Assert.Equal(1, joined.Share(Joiner));
        Assert.Equal(1, joined.Share(Silo(9)));
    }

    [Fact]
    public void A_ramping_silo_stays_a_candidate_only_when_the_draw_falls_below_its_share()
    {
        var fresh = Running(TimeSpan.FromSeconds(10));
        fresh.Observe([(Older, SiloStatus.Active), (Local, SiloStatus.Active), (Joiner, SiloStatus.Active)], Local);
        _time.Advance(TimeSpan.FromSeconds(3));
        SiloAddress[] compatible = [Older, Joiner];

        Assert.Equal([Older, Joiner], SlowStartPlacementDirector.Candidates(compatible, fresh, () => 0.29));
        Assert.Equal([Older], SlowStartPlacementDirector.Candidates(compatible, fresh, () => 0.31));
    }

    [Fact]
    public void When_every_compatible_silo_is_ramping_all_of_them_stay_candidates()
    {
        var joined = Running(TimeSpan.FromSeconds(10));
        joined.Observe([(Older, SiloStatus.Active), (Local, SiloStatus.Active), (Joiner, SiloStatus.Active)], Local);
        SiloAddress[] compatible = [Local, Joiner];

        Assert.Equal([Local, Joiner], SlowStartPlacementDirector.Candidates(compatible, joined, () => 0.99));
    }
}
