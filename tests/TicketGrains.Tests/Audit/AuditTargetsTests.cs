using TicketGrains.Api.Audit;
using Xunit;

namespace TicketGrains.Tests.Audit;

public sealed class AuditTargetsTests
{
    [Theory]
    [InlineData("tickets")]
    [InlineData("ticket:0195f1c2-7a1b-7c3d-8e4f-000000000001")]
    [InlineData("customer:0195f1c2-7a1b-7c3d-8e4f-000000000001")]
    [InlineData("api-key:k3y_1d")]
    [InlineData("role:night-shift")]
    [InlineData("tenant-key")]
    public void Targets_the_log_writes_are_valid_filters(string target) => Assert.True(AuditTargets.IsValid(target));

    [Theory]
    [InlineData("")]
    [InlineData("' OR '1'='1")]
    [InlineData("ticket:../../etc/passwd")]
    [InlineData("ticket:a b")]
    [InlineData("Ticket:1")]
    [InlineData("ticket:")]
    [InlineData("ticket:\u202Ex")]
    public void Anything_else_is_refused(string target) => Assert.False(AuditTargets.IsValid(target));

    [Fact]
    public void An_overlong_target_is_refused() => Assert.False(AuditTargets.IsValid("ticket:" + new string('a', 200)));
}
