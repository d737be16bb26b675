using TicketGrains.IntegrationTests.Api;

namespace TicketGrains.IntegrationTests.Webhooks;

/// <summary>
/// A silo whose webhooks may call the tests' receivers on 127.0.0.1, with the webhook clock running 300 times faster
/// than real time (Webhooks:ClockRate): 5 minutes of retry schedule pass in 1 s, 30 minutes in 6 s.
/// </summary>
public sealed class WebhookClusterFixture : ApiClusterFixture
{
    public const double ClockRate = 300;

    protected override string[] Settings =>
        ["--Webhooks:AllowPrivateNetworks=true", $"--Webhooks:ClockRate={ClockRate}", "--Webhooks:PollInterval=00:00:00.050"];
}
